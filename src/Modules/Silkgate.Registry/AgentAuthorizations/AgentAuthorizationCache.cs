using System.Collections.Concurrent;

namespace Silkgate.Registry.AgentAuthorizations;

/// <summary>
/// Per node and per (principal code, agent), the authorizations that are not revoked and whose parties are both
/// approved, kept for a short time. Grants, revocations and status decisions on this node forget the affected
/// entries at once; other nodes see them within <see cref="Duration"/>.
/// </summary>
internal sealed class AgentAuthorizationCache(TimeProvider time, TimeSpan duration)
{
    /// <summary>Unknown codes cost an entry each; past this many entries the cache starts over.</summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string PrincipalCode, long AgentId), Entry> _entries = new();
    private long _generation;

    public TimeSpan Duration => duration;

    /// <summary>Changes whenever something is forgotten, so a lookup that started before cannot store stale rows.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string principalCode, long agentId, out AuthorizationWindow[] windows)
    {
        if (_entries.TryGetValue((principalCode, agentId), out var e) && e.ExpiresAt > time.GetTimestamp())
        {
            windows = e.Windows;
            return true;
        }

        windows = [];
        return false;
    }

    /// <summary>Stores what a lookup found, unless something was forgotten since the lookup began (<paramref name="generation"/>).</summary>
    public void Store(string principalCode, long agentId, AuthorizationWindow[] windows, long generation)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var expires = time.GetTimestamp() + (long)(duration.TotalSeconds * time.TimestampFrequency);
        _entries[(principalCode, agentId)] = new Entry(windows, expires);
        if (Generation != generation)
        {
            // A grant or revocation happened meanwhile: the rows may predate it.
            _entries.TryRemove((principalCode, agentId), out _);
        }
    }

    /// <summary>Forgets every entry of an agent (its principal may be cached under its USCC and its customs code).</summary>
    public void ForgetAgent(long agentId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _entries.Keys)
        {
            if (key.AgentId == agentId)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Forgets everything: an enterprise's status changed, which affects it as principal and as agent.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(AuthorizationWindow[] Windows, long ExpiresAt);
}
