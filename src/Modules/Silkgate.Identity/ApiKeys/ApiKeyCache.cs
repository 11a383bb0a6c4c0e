using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.ApiKeys;

/// <summary>
/// Per-node memory of key rows and enterprise statuses, so that the gateway does not read the database on every request.
/// Entries live <see cref="IdentityModuleOptions.ApiKeyCacheDuration"/>; revoking or creating a key on this node forgets
/// its prefix at once; other nodes notice within that duration.
/// <para>
/// Cold lookups are single-flight: concurrent requests for one missing entry share one database read (a burst with a new
/// key costs one query, not one per request). Unknown prefixes are remembered in a separate, smaller map, so a flood of
/// made-up keys cannot push out the real ones, and at most <see cref="MaxConcurrentLookups"/> reads run at once, so it
/// cannot take every database connection either.
/// </para>
/// </summary>
internal sealed class ApiKeyCache
{
    public const string MeterName = "Silkgate.Identity";
    internal const int MaxConcurrentLookups = 4;
    private const int MaxKnownEntries = 100_000;
    private const int MaxUnknownEntries = 10_000;
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly IOptions<IdentityModuleOptions> _options;
    private readonly SingleFlightMap<string, ApiKeyRow> _keys;
    private readonly SingleFlightMap<long, EnterpriseSummary> _enterprises;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _touched = new();

    public ApiKeyCache(TimeProvider time, IOptions<IdentityModuleOptions> options, IMeterFactory meters)
    {
        (_time, _options) = (time, options);
        var lookups = meters.Create(MeterName).CreateCounter<long>("silkgate.identity.api_key.lookups", description: "Database reads made by the API-key cache");
        var gate = new SemaphoreSlim(MaxConcurrentLookups);
        _keys = new SingleFlightMap<string, ApiKeyRow>(StringComparer.Ordinal, gate, () => lookups.Add(1, new KeyValuePair<string, object?>("kind", "key")));
        _enterprises = new SingleFlightMap<long, EnterpriseSummary>(EqualityComparer<long>.Default, gate,
            () => lookups.Add(1, new KeyValuePair<string, object?>("kind", "enterprise")));
    }

    public Task<ApiKeyRow?> KeyAsync(string prefix, Func<CancellationToken, Task<ApiKeyRow?>> load, CancellationToken ct) =>
        _keys.GetAsync(prefix, load, Lifetime, ct);

    public Task<EnterpriseSummary?> EnterpriseAsync(long enterpriseId, Func<CancellationToken, Task<EnterpriseSummary?>> load, CancellationToken ct) =>
        _enterprises.GetAsync(enterpriseId, load, Lifetime, ct);

    public void ForgetKey(string prefix) => _keys.Forget(prefix);

    /// <summary>True at most once per minute per key: the last-used stamp need not cost a write per request.</summary>
    public bool ShouldTouch(long keyId)
    {
        var now = _time.GetUtcNow();
        if (_touched.TryGetValue(keyId, out var last) && now - last < TouchInterval)
        {
            return false;
        }

        _touched[keyId] = now;
        return true;
    }

    private (DateTimeOffset Now, TimeSpan Duration) Lifetime() => (_time.GetUtcNow(), _options.Value.ApiKeyCacheDuration);

    /// <summary>Found and not-found entries in two bounded maps, plus the lookups in flight.</summary>
    private sealed class SingleFlightMap<TKey, T>(IEqualityComparer<TKey> comparer, SemaphoreSlim gate, Action counted)
        where TKey : notnull
        where T : class
    {
        private readonly ConcurrentDictionary<TKey, Entry> _found = new(comparer);
        private readonly ConcurrentDictionary<TKey, Entry> _missing = new(comparer);
        private readonly ConcurrentDictionary<TKey, Task<T?>> _inFlight = new(comparer);

        public async Task<T?> GetAsync(TKey key, Func<CancellationToken, Task<T?>> load, Func<(DateTimeOffset, TimeSpan)> lifetime, CancellationToken ct)
        {
            while (true)
            {
                if (TryFresh(key, lifetime, out var cached))
                {
                    return cached;
                }

                var mine = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
                var shared = _inFlight.GetOrAdd(key, mine.Task);
                if (shared == mine.Task)
                {
                    return await LoadAsync(key, load, lifetime, mine, ct);
                }

                try
                {
                    return await shared.WaitAsync(ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The request that was reading gave up; this one is still wanted, so it reads (or joins the next reader).
                }
            }
        }

        public void Forget(TKey key)
        {
            _found.TryRemove(key, out _);
            _missing.TryRemove(key, out _);
        }

        private async Task<T?> LoadAsync(TKey key, Func<CancellationToken, Task<T?>> load, Func<(DateTimeOffset, TimeSpan)> lifetime,
            TaskCompletionSource<T?> mine, CancellationToken ct)
        {
            try
            {
                // Another reader may have finished between the cache check and taking the slot.
                if (!TryFresh(key, lifetime, out var value))
                {
                    await gate.WaitAsync(ct);
                    try
                    {
                        counted();
                        value = await load(ct);
                    }
                    finally
                    {
                        gate.Release();
                    }

                    Store(key, value, lifetime().Item1);
                }

                mine.SetResult(value);
                return value;
            }
            catch (OperationCanceledException e)
            {
                mine.SetCanceled(e.CancellationToken);
                throw;
            }
            catch (Exception e)
            {
                mine.SetException(e);
                _ = mine.Task.Exception; // observed here; waiters get it through their await
                throw;
            }
            finally
            {
                _inFlight.TryRemove(new KeyValuePair<TKey, Task<T?>>(key, mine.Task));
            }
        }

        private bool TryFresh(TKey key, Func<(DateTimeOffset, TimeSpan)> lifetime, out T? value)
        {
            var (now, duration) = lifetime();
            if ((_found.TryGetValue(key, out var entry) || _missing.TryGetValue(key, out entry)) && now - entry.At < duration)
            {
                value = entry.Value;
                return true;
            }

            value = null;
            return false;
        }

        private void Store(TKey key, T? value, DateTimeOffset at)
        {
            var (target, other, limit) = value is null ? (_missing, _found, MaxUnknownEntries) : (_found, _missing, MaxKnownEntries);
            if (target.Count >= limit)
            {
                target.Clear();
            }

            other.TryRemove(key, out _);
            target[key] = new Entry(value, at);
        }

        private readonly record struct Entry(T? Value, DateTimeOffset At);
    }
}
