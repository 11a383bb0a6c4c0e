using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Ingest;

/// <summary>The flusher on its own, over a real SQLite file: which waiters a flush covers, and what a failed fsync does.</summary>
public sealed class WalFlusherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("silkgate-flush-").FullName;
    private readonly Lifetime _lifetime = new();

    [Fact]
    public async Task A_commit_on_a_database_file_is_flushed_through_the_real_log()
    {
        using var database = Sqlite();
        await using (var connection = await database.OpenAsync(default))
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)";
            await create.ExecuteNonQueryAsync();
            Assert.True(File.Exists(database.SqliteFile + "-wal"));

            using var flusher = new WalFlusher(database, _lifetime, NullLogger<WalFlusher>.Instance);
            var flushes = 0;
            var real = flusher.Flush;
            flusher.Flush = () =>
            {
                real();
                flushes++;
            };

            Assert.True(flusher.Defers);
            await flusher.FlushedAsync(default).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(1, flushes);
        }

        SqliteConnection.ClearAllPools();
        // The last connection checkpointed the log and deleted it: nothing is left to flush, and that is not an error.
        Assert.False(File.Exists(database.SqliteFile + "-wal"));
        using var after = new WalFlusher(database, _lifetime, NullLogger<WalFlusher>.Instance);
        await after.FlushedAsync(default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(_lifetime.StopRequested);
    }

    [Fact]
    public async Task A_waiter_that_arrives_while_a_flush_runs_waits_for_the_next_flush()
    {
        using var database = Sqlite();
        using var flusher = new WalFlusher(database, _lifetime, NullLogger<WalFlusher>.Instance);
        using var inFlush = new SemaphoreSlim(0);
        using var proceed = new SemaphoreSlim(0);
        var flushes = 0;
        flusher.Flush = () =>
        {
            inFlush.Release();
            proceed.Wait();
            Interlocked.Increment(ref flushes);
        };

        var first = flusher.FlushedAsync(default);
        Assert.True(await inFlush.WaitAsync(TimeSpan.FromSeconds(10)));
        var second = flusher.FlushedAsync(default);
        var third = flusher.FlushedAsync(default);

        proceed.Release();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Volatile.Read(ref flushes));
        Assert.False(second.IsCompleted);

        // Both arrived during the first flush: one more flush covers them together.
        Assert.True(await inFlush.WaitAsync(TimeSpan.FromSeconds(10)));
        proceed.Release();
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, Volatile.Read(ref flushes));
    }

    [Fact]
    public async Task A_failed_fsync_fails_every_waiter_refuses_all_later_ones_and_stops_the_server()
    {
        using var database = Sqlite();
        using var flusher = new WalFlusher(database, _lifetime, NullLogger<WalFlusher>.Instance);
        var flushes = 0;
        flusher.Flush = () =>
        {
            flushes++;
            throw new IOException("Input/output error");
        };

        var e = await Assert.ThrowsAsync<IngestUnavailableException>(() => flusher.FlushedAsync(default).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<IOException>(e.InnerException);
        Assert.True(_lifetime.StopRequested);

        // A later fsync could succeed without the pages the kernel dropped: nothing more is acknowledged.
        flusher.Flush = () => flushes++;
        await Assert.ThrowsAsync<IngestUnavailableException>(() => flusher.FlushedAsync(default).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, flushes);
    }

    [Fact]
    public async Task On_postgresql_nothing_is_deferred()
    {
        using var database = new Database(Options.Create(new DatabaseOptions { Postgres = "Host=127.0.0.1;Database=unused" }));
        using var flusher = new WalFlusher(database, _lifetime, NullLogger<WalFlusher>.Instance);
        flusher.Flush = () => throw new InvalidOperationException("no flush on PostgreSQL");

        Assert.False(flusher.Defers);
        Assert.True(flusher.FlushedAsync(default).IsCompletedSuccessfully);
    }

    private Database Sqlite() => new(Options.Create(new DatabaseOptions { DataDirectory = _folder }));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public bool StopRequested => _stopping.IsCancellationRequested;

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}

/// <summary>Through the host: the writer commits, and the answer and the receipts feed wait until the log is flushed.</summary>
public sealed class DeferredFlushTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    [Fact]
    public async Task An_answer_is_released_only_after_the_fsync_that_follows_its_commit()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Bytes(Order(sender.CustomsCode)))).StatusCode);
        var flusher = host.Services.GetRequiredService<WalFlusher>();
        Assert.True(flusher.Defers);

        using var held = new ManualResetEventSlim();
        var real = flusher.Flush;
        flusher.Flush = () =>
        {
            held.Wait();
            real();
        };
        try
        {
            var order = Order(sender.CustomsCode);
            var post = PostAsync(client, Bytes(order));
            // Committed (another connection sees it) while its fsync is held, and not yet answered.
            await WaitUntilAsync(async () => await Store.MessagesWithGuidAsync(host, order.Guid) == 1);
            var feed = client.GetAsync(new Uri("/api/v1/ceb/receipts?after=0&limit=100", UriKind.Relative));
            await Task.Delay(300);
            Assert.False(post.IsCompleted);
            Assert.False(feed.IsCompleted);

            held.Set();
            var answer = await post.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("1", Statuses(Parse(await answer.Content.ReadAsStringAsync())).Single().Status);
            Assert.Contains(order.Guid, await (await feed.WaitAsync(TimeSpan.FromSeconds(10))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            held.Set();
            flusher.Flush = real;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(20);
        }
    }
}
