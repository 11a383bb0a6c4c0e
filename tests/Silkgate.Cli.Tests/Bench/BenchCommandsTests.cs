using System.CommandLine;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Cli.Bench;
using Silkgate.Cli.Platform;
using Silkgate.Testing;

namespace Silkgate.Cli.Tests.Bench;

/// <summary>
/// The benchmark commands against the real server on SQLite, briefly: the senders are prepared on the server's database by
/// `bench prepare`, the load goes through HTTP with their API keys, and the report must be sane. Speed is never asserted.
/// </summary>
public sealed class BenchCommandsTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private static readonly IngestSettings ClosedLoop = new(Concurrency: 4, Rate: null, Duration: null, Interval: null, ServerPid: null);

    [Fact]
    public async Task Ingest_answers_every_message_without_errors_and_reports_ordered_percentiles()
    {
        var keys = await PrepareAsync();
        using var http = host.CreateClient();
        var storedBefore = await StoredMessagesAsync();

        var report = await BenchCommands.RunIngestAsync(http, Options(keys, entities: 1, count: 40, warmup: 5, seed: 1001), ClosedLoop with { Interval = TimeSpan.FromMilliseconds(200) },
            TextWriter.Null, CancellationToken.None);

        Assert.Equal((40, 40L, 0L, 0L), (report.Messages, report.Documents, report.Errors, report.Refused900));
        Assert.Equal(0, report.RefusedEntities);
        Assert.True(report.Latency.P50 > 0);
        Assert.True(report.Latency.P50 <= report.Latency.P95 && report.Latency.P95 <= report.Latency.P99 && report.Latency.P99 <= report.Latency.Max, report.Format());
        Assert.True(report.MessagesPerSecond > 0 && report.Seconds > 0);
        Assert.Equal(45, await StoredMessagesAsync() - storedBefore); // warm-up and measured messages, each stored once
    }

    [Fact]
    public async Task A_timed_warm_up_sends_other_documents_than_the_measured_part()
    {
        var keys = await PrepareAsync();
        using var http = host.CreateClient();
        var storedBefore = await StoredMessagesAsync();
        var output = new StringWriter();

        var report = await BenchCommands.RunIngestAsync(http, Options(keys, entities: 1, count: 30, warmup: 0, seed: 1004) with { Warmup = BenchCommands.Warmup.Seconds(1) },
            ClosedLoop, output, CancellationToken.None);

        // Refusals would show an order, waybill or list number sent twice (once while warming up, once measured).
        Assert.Equal((30, 0L, 0L, 0L), (report.Messages, report.Errors, report.Refused900, report.RefusedEntities));
        Assert.Contains("warming up for 1 s", output.ToString(), StringComparison.Ordinal);
        Assert.True(await StoredMessagesAsync() - storedBefore > 30, "the warm-up sent messages of its own for a second");
    }

    [Fact]
    public async Task Ingest_at_a_fixed_rate_sends_what_the_schedule_offers()
    {
        var keys = await PrepareAsync();
        using var http = host.CreateClient();

        var report = await BenchCommands.RunIngestAsync(http, Options(keys, entities: 1, count: null, warmup: 0, seed: 1002),
            new IngestSettings(Concurrency: 1, Rate: 40, Duration: TimeSpan.FromSeconds(1), Interval: null, ServerPid: Environment.ProcessId), TextWriter.Null, CancellationToken.None);

        Assert.Equal((40L, 0L), (report.Messages, report.Errors));
        Assert.Equal(40, report.OfferedRate);
        Assert.True(report.Memory is { RssMiB: > 0 } m && m.PeakMiB >= m.RssMiB, "RSS of the given process is read from /proc");
        Assert.Contains("scheduled send time", report.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_many_document_messages_counts_their_documents()
    {
        var keys = await PrepareAsync();
        using var http = host.CreateClient();

        var report = await BenchCommands.RunIngestAsync(http, Options(keys, entities: 100, count: 3, warmup: 0, seed: 3003), ClosedLoop, TextWriter.Null, CancellationToken.None);

        Assert.Equal((3L, 0L, 0L), (report.Messages, report.Errors, report.Refused900));
        Assert.InRange(report.Documents, 4, 300);
        // The class's tests share one host; each trade seed starts its sales in a run slot of its own, so no document
        // repeats another test's numbers and the gateway refuses none (it did, 0-4 of 300, before the slots).
        Assert.Equal(0, report.RefusedEntities);
    }

    [Fact]
    public async Task Ingest_counts_refused_keys_as_errors()
    {
        var keys = await PrepareAsync();
        var wrong = keys with { Keys = keys.Keys.ToDictionary(k => k.Key, _ => "sgk_aaaaaaaa_" + new string('A', 40)) };
        using var http = host.CreateClient();

        var report = await BenchCommands.RunIngestAsync(http, Options(wrong, entities: 1, count: 5, warmup: 0, seed: 3003), ClosedLoop, TextWriter.Null, CancellationToken.None);

        Assert.Equal(5, report.Errors);
        Assert.Equal(5, report.ErrorKinds["HTTP 401"]);
    }

    [Fact]
    public async Task Floor_reads_and_durably_appends_every_message_in_group_commits()
    {
        var messages = BenchWorkload.Messages(BenchWorkload.Enterprises(7, 3), 11, 1).Take(50).ToList();
        var directory = Path.Combine(host.DataDirectory, "floor");

        var report = await FloorRunner.RunAsync(messages, concurrency: 8, directory, CancellationToken.None);

        Assert.Equal((50L, 50L), (report.Messages, report.Documents));
        Assert.InRange(report.Commits, 1, 50);
        Assert.True(report.DocumentsPerSecond > 0);
        Assert.Empty(Directory.GetFiles(directory)); // the append file is removed afterwards
        Assert.Equal((50L, report.Commits), (report.Latency.Count, report.Fsync.Count));
        Assert.True(report.Latency.P50 > 0 && report.Latency.P99 <= report.Latency.Max && report.Fsync.Max <= report.Latency.Max, report.ToString());
    }

    [Fact]
    public async Task Floor_at_a_fixed_rate_takes_as_long_as_the_schedule_and_times_each_message_from_its_due_time()
    {
        var messages = BenchWorkload.Messages(BenchWorkload.Enterprises(7, 3), 12, 1).Take(40).ToList();

        var report = await FloorRunner.RunAsync(messages, concurrency: 1, Path.Combine(host.DataDirectory, "floor-rate"), CancellationToken.None, rate: 100);

        Assert.Equal(40L, report.Latency.Count);
        Assert.True(report.Seconds >= 0.39, $"40 messages at 100/s are due over 0.39 s; took {report.Seconds:F3} s");
        Assert.Contains("at 100 messages/s offered", report.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Runs `silkgate bench prepare` on the host's database (as an operator would on the server's), twice to show it can be repeated.</summary>
    private async Task<BenchKeys> PrepareAsync()
    {
        var file = Path.Combine(host.DataDirectory, $"keys-{Guid.NewGuid():N}.json");
        _ = host.Services; // the server starts (and migrates) first, as in a real benchmark
        var root = new RootCommand { BenchCommands.Build(overrides => CliHost.Build([.. overrides, new("Platform:Mode", "Production")])) };
        var output = new StringWriter();
        var code = await root.Parse(["bench", "prepare", "--sellers", "3", "--data-directory", host.DataDirectory, "--keys", file])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        Assert.True(code == 0, output.ToString());
        var keys = await BenchKeys.LoadAsync(file, CancellationToken.None);
        Assert.Equal(BenchWorkload.Enterprises(7, 3).Select(e => e.Code).Order(), keys.Keys.Keys.Order());
        return keys;
    }

    // A fixed trade seed per test (each in its own run slot, see BenchWorkload.FirstSerial): the same sales on every run.
    private static BenchCommands.IngestOptions Options(BenchKeys keys, int entities, int? count, int warmup, long seed) =>
        new(keys, entities, Seed: seed, count, BenchCommands.Warmup.Messages(warmup), Soak: false, Floor: null);

    private async Task<long> StoredMessagesAsync()
    {
        var database = host.Services.GetRequiredService<Silkgate.Kernel.Data.Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clearance_messages");
    }
}
