using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.ApiKeys;

/// <summary>
/// Per-node memory of key rows (found or not) and enterprise statuses, so that the gateway does not read the database
/// on every request. Entries live <see cref="IdentityModuleOptions.ApiKeyCacheDuration"/>; revoking or creating a key on
/// this node forgets its prefix at once; other nodes notice within that duration. Bounded: cleared when it grows too big.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider time, IOptions<IdentityModuleOptions> options)
{
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry<ApiKeyRow?>> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Entry<EnterpriseSummary?>> _enterprises = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _touched = new();

    public Task<ApiKeyRow?> KeyAsync(string prefix, Func<CancellationToken, Task<ApiKeyRow?>> load, CancellationToken ct) =>
        GetAsync(_keys, prefix, load, ct);

    public Task<EnterpriseSummary?> EnterpriseAsync(long enterpriseId, Func<CancellationToken, Task<EnterpriseSummary?>> load, CancellationToken ct) =>
        GetAsync(_enterprises, enterpriseId, load, ct);

    public void ForgetKey(string prefix) => _keys.TryRemove(prefix, out _);

    /// <summary>True at most once per minute per key: the last-used stamp need not cost a write per request.</summary>
    public bool ShouldTouch(long keyId)
    {
        var now = time.GetUtcNow();
        if (_touched.TryGetValue(keyId, out var last) && now - last < TouchInterval)
        {
            return false;
        }

        _touched[keyId] = now;
        return true;
    }

    private async Task<T> GetAsync<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> cache, TKey key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
        where TKey : notnull
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var entry) && now - entry.At < options.Value.ApiKeyCacheDuration)
        {
            return entry.Value;
        }

        var value = await load(ct);
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        cache[key] = new Entry<T>(value, now);
        return value;
    }

    private readonly record struct Entry<T>(T Value, DateTimeOffset At);
}
