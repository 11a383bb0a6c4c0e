using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Silkgate.Identity.ApiKeys;

namespace Silkgate.Identity.Tests.ApiKeys;

/// <summary>The cache's single flight on its own, with loads the test controls.</summary>
public sealed class ApiKeyCacheTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ApiKeyCache _cache;

    public ApiKeyCacheTests() =>
        _cache = new ApiKeyCache(new FakeTimeProvider(), Options.Create(new IdentityModuleOptions()), _services.GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task When_the_request_that_reads_a_key_gives_up_a_waiting_request_reads_it_itself()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var firstGivesUp = new CancellationTokenSource();
        var loads = 0;
        var first = _cache.KeyAsync("abcdefgh", async ct =>
        {
            Interlocked.Increment(ref loads);
            firstStarted.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }, firstGivesUp.Token);
        await firstStarted.Task;
        var second = _cache.KeyAsync("abcdefgh", _ =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult<ApiKeyRow?>(new ApiKeyRow { Id = 7, Prefix = "abcdefgh" });
        }, CancellationToken.None);

        await firstGivesUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(7, (await second)?.Id);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_flood_of_different_unknown_keys_reads_at_most_four_at_a_time()
    {
        var running = 0;
        var peak = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lookups = Enumerable.Range(0, 50).Select(i => _cache.KeyAsync($"unknown{i:D2}", async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            return null;
        }, CancellationToken.None)).ToList();

        await WaitUntilAsync(() => Volatile.Read(ref running) == ApiKeyCache.MaxConcurrentLookups);
        release.SetResult();
        var results = await Task.WhenAll(lookups);

        Assert.All(results, Assert.Null);
        Assert.Equal(ApiKeyCache.MaxConcurrentLookups, peak);
    }

    [Fact]
    public async Task A_failed_read_is_not_remembered()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _cache.KeyAsync("abcdefgh", _ => throw new InvalidOperationException("database down"), CancellationToken.None));

        var row = await _cache.KeyAsync("abcdefgh", _ => Task.FromResult<ApiKeyRow?>(new ApiKeyRow { Id = 3 }), CancellationToken.None);

        Assert.Equal(3, row?.Id);
    }

    public void Dispose() => _services.Dispose();

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition was not reached within 10 s");
            await Task.Delay(10);
        }

        // Give any read beyond the bound the chance to start, so the peak would show it.
        await Task.Delay(100);
    }
}
