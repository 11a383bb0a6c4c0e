using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Silkgate.Cli.Platform;

namespace Silkgate.Cli.Bench;

/// <summary><c>silkgate bench prepare|ingest|floor</c>: the ingest benchmark (docs/benchmarks.md, section Ingest).</summary>
internal static class BenchCommands
{
    private static readonly Option<string> Keys = new("--keys") { Description = "Keys file written by `bench prepare`.", DefaultValueFactory = _ => "bench-keys.json" };
    private static readonly Option<int> Entities = new("--entities") { Description = "Business documents per message (1-100).", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> Concurrency = new("--concurrency") { Description = "Concurrent senders (closed loop; the floor's receivers).", DefaultValueFactory = _ => 64 };
    private static readonly Option<int?> Count = new("--count") { Description = "Messages to send (measured part); generated before the clock starts." };
    private static readonly Option<long?> Seed = new("--seed") { Description = "Seed of the trade (default: a new one per run, so every run sends new documents)." };

    public static Command Build(Func<IReadOnlyList<KeyValuePair<string, string?>>, IHost>? hostFactory = null)
    {
        var bench = new Command("bench", "Ingest benchmark: prepare senders on a server's database, drive the server over HTTP, measure the floor.");
        bench.Subcommands.Add(Prepare(hostFactory ?? (o => CliHost.Build(o))));
        bench.Subcommands.Add(Ingest());
        bench.Subcommands.Add(Floor());
        return bench;
    }

    private static Command Prepare(Func<IReadOnlyList<KeyValuePair<string, string?>>, IHost> hostFactory)
    {
        var sellers = new Option<int>("--sellers") { Description = "Sellers of the generated enterprise set (service firms come with them).", DefaultValueFactory = _ => 10 };
        var enterpriseSeed = new Option<long>("--enterprise-seed") { Description = "Seed of the enterprise set.", DefaultValueFactory = _ => 7 };
        var dataDirectory = new Option<string?>("--data-directory") { Description = "The server's Database:DataDirectory (SQLite); default: the configured one." };
        var postgres = new Option<string?>("--postgres") { Description = "The server's Database:Postgres connection string; default: the configured one." };
        var prepare = new Command("prepare", "Register and approve the benchmark's enterprises on the server's database and create an API key for each; writes the keys file.")
        {
            Keys, sellers, enterpriseSeed, dataDirectory, postgres,
        };
        prepare.SetAction(async (parse, ct) =>
        {
            var overrides = new List<KeyValuePair<string, string?>>();
            if (parse.GetValue(dataDirectory) is { } dir)
            {
                overrides.Add(new("Database:DataDirectory", dir));
            }

            if (parse.GetValue(postgres) is { } pg)
            {
                overrides.Add(new("Database:Postgres", pg));
            }

            using var host = hostFactory(overrides);
            var output = parse.InvocationConfiguration.Output;
            var keys = await BenchPrepare.RunAsync(host, parse.GetValue(enterpriseSeed), parse.GetValue(sellers), output, ct);
            var path = parse.GetValue(Keys)!;
            await keys.SaveAsync(path, ct);
            await output.WriteLineAsync($"keys written to {Path.GetFullPath(path)}");
            return 0;
        });
        return prepare;
    }

    private static Command Ingest()
    {
        var url = new Option<string>("--url") { Description = "Base address of the running server, e.g. http://127.0.0.1:5080.", Required = true };
        var rate = new Option<double?>("--rate") { Description = "Offered messages per second on a fixed schedule (open loop) instead of a closed loop." };
        var duration = new Option<double?>("--duration") { Description = "Seconds to send (measured part)." };
        var warmup = new Option<int?>("--warmup") { Description = "Messages sent first and not measured, instead of --warmup-seconds." };
        var warmupSeconds = new Option<double?>("--warmup-seconds")
        {
            Description = "Seconds of load sent first and not measured, so the server's JIT reaches its final code (default 30; 0 for none).",
        };
        var interval = new Option<double?>("--interval") { Description = "Print throughput, latency and server memory every this many seconds." };
        var soak = new Option<bool>("--soak") { Description = "Soak: messages generated on the fly (no memory limit on duration), a line every --interval (default 60) seconds." };
        var serverPid = new Option<int?>("--server-pid") { Description = "Process id of the server (same machine): its RSS is reported (Linux /proc)." };
        var floor = new Option<string?>("--floor") { Description = "Floor in documents/s to compare with, or `run` to measure it first on the same messages." };
        var ingest = new Command("ingest", "Drive a running server with generated CEB messages and report throughput, latency, refusals and errors.")
        {
            url, Keys, Entities, Concurrency, rate, duration, Count, warmup, warmupSeconds, Seed, interval, soak, serverPid, floor,
        };
        ingest.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var keys = await BenchKeys.LoadAsync(parse.GetValue(Keys)!, ct);
            var entities = parse.GetValue(Entities);
            var seed = parse.GetValue(Seed) ?? Random.Shared.NextInt64(1, long.MaxValue / 2);
            var isSoak = parse.GetValue(soak);
            var every = parse.GetValue(interval) ?? (isSoak ? 60 : null);
            var settings = new IngestSettings(parse.GetValue(Concurrency), parse.GetValue(rate), parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : null,
                every is { } e ? TimeSpan.FromSeconds(e) : null, parse.GetValue(serverPid));
            using var http = NewClient(new Uri(parse.GetValue(url)!.TrimEnd('/') + "/", UriKind.Absolute));
            var warm = parse.GetValue(warmup) is { } w ? Warmup.Messages(w) : Warmup.Seconds(parse.GetValue(warmupSeconds) ?? 30);
            var options = new IngestOptions(keys, entities, seed, parse.GetValue(Count), warm, isSoak, parse.GetValue(floor));
            await RunIngestAsync(http, options, settings, output, ct);
            return 0;
        });
        return ingest;
    }

    /// <summary>What the ingest command was asked to send (besides the load shape).</summary>
    internal sealed record IngestOptions(BenchKeys Keys, int Entities, long Seed, int? Count, Warmup Warmup, bool Soak, string? Floor);

    /// <summary>How long the server is warmed up before the measured part: a number of messages, or a time under full load.</summary>
    internal sealed record Warmup(int? Count, TimeSpan? Duration)
    {
        public static Warmup Messages(int count) => new(count, null);

        public static Warmup Seconds(double seconds) => new(null, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Generates, warms up, (optionally) measures the floor, runs and prints; the test calls it with the test server's client.</summary>
    internal static async Task<IngestReport> RunIngestAsync(HttpClient http, IngestOptions o, IngestSettings settings, TextWriter output, CancellationToken ct)
    {
        var enterprises = BenchWorkload.Enterprises(o.Keys.EnterpriseSeed, o.Keys.Sellers);
        var count = o.Count ?? (!o.Soak && settings.Rate is { } r && settings.Duration is { } d ? (int)Math.Ceiling(r * d.TotalSeconds) : null);
        if (count is null && settings.Duration is null && !o.Soak)
        {
            count = o.Entities > 1 ? 1_000 : 20_000;
        }

        var ic = CultureInfo.InvariantCulture;
        double? floorDocs = null;
        if (o.Floor is { } f)
        {
            floorDocs = f == "run"
                ? (await MeasureFloorAsync(enterprises, o.Seed, o.Entities, count ?? 20_000, settings.Concurrency, output, ct, rate: settings.Rate)).DocumentsPerSecond
                : double.Parse(f, NumberStyles.Float, ic);
        }

        // One stream of trade: the measured messages are taken first, a timed warm-up sends the ones after them, so no
        // order, waybill or list number is sent twice.
        using var messages = BenchWorkload.Messages(enterprises, o.Seed, o.Entities).GetEnumerator();
        var warmCount = o.Warmup.Count ?? 0;
        await output.WriteLineAsync(string.Create(ic, $"trade seed {o.Seed}, {o.Entities} document(s) per message; generating {(count is { } c ? $"{c + warmCount:N0} messages" : "on the fly")}..."));
        var source = count is { } n ? MessageSource.Pregenerated(Rest(messages), n + warmCount) : MessageSource.Streamed(Rest(messages), ct);
        await output.WriteLineAsync($"machine load (1/5/15 min): {MachineLoad()}");
        var runner = new IngestRunner(http, o.Keys.Keys, settings, output);
        if (o.Warmup.Duration is { } warmFor && warmFor > TimeSpan.Zero)
        {
            await output.WriteLineAsync(string.Create(ic, $"warming up for {warmFor.TotalSeconds:0.#} s..."));
            if (count is null)
            {
                await runner.WarmUpForAsync(source, warmFor, ct);
            }
            else
            {
                using var stop = new CancellationTokenSource();
                var warmSource = MessageSource.Streamed(Rest(messages), stop.Token);
                await runner.WarmUpForAsync(warmSource, warmFor, ct);
                await stop.CancelAsync();
                await warmSource.Completion; // it reads the shared generator: stopped before that is disposed
            }
        }
        else
        {
            await runner.WarmUpAsync(source, warmCount, ct);
        }

        await output.WriteLineAsync("warm-up done; measuring");
        var report = await runner.RunAsync(source, ct) with { FloorDocumentsPerSecond = floorDocs };
        await output.WriteAsync(report.Format());
        await output.WriteLineAsync($"machine load (1/5/15 min): {MachineLoad()}");
        return report;
    }

    private static IEnumerable<BenchMessage> Rest(IEnumerator<BenchMessage> messages)
    {
        while (messages.MoveNext())
        {
            yield return messages.Current;
        }
    }

    private static Command Floor()
    {
        var sellers = new Option<int>("--sellers") { Description = "Sellers of the enterprise set (as given to `bench prepare`).", DefaultValueFactory = _ => 10 };
        var enterpriseSeed = new Option<long>("--enterprise-seed") { DefaultValueFactory = _ => 7 };
        var directory = new Option<string?>("--directory") { Description = "Where to append (same disk as the server's database); default: a temporary folder." };
        var rate = new Option<double?>("--rate") { Description = "Offered messages per second (open loop): the floor of the answer time at that rate." };
        var floor = new Command("floor", "The floor on this machine for the same messages: bare XmlReader read + group-committed durable append (write + fsync).")
        {
            Entities, Count, Concurrency, Seed, sellers, enterpriseSeed, directory, rate,
        };
        floor.SetAction(async (parse, ct) =>
        {
            var entities = parse.GetValue(Entities);
            var enterprises = BenchWorkload.Enterprises(parse.GetValue(enterpriseSeed), parse.GetValue(sellers));
            await MeasureFloorAsync(enterprises, parse.GetValue(Seed) ?? 1, entities, parse.GetValue(Count) ?? (entities > 1 ? 1_000 : 20_000),
                parse.GetValue(Concurrency), parse.InvocationConfiguration.Output, ct, parse.GetValue(directory), parse.GetValue(rate));
            return 0;
        });
        return floor;
    }

    private static async Task<FloorReport> MeasureFloorAsync(IReadOnlyList<Silkgate.Simulation.SimEnterprise> enterprises, long seed, int entities, int count,
        int concurrency, TextWriter output, CancellationToken ct, string? directory = null, double? rate = null)
    {
        var messages = BenchWorkload.Messages(enterprises, seed, entities).Take(count).ToList();
        var dir = directory ?? Path.Combine(Path.GetTempPath(), "silkgate-floor");
        await FloorRunner.RunAsync(messages.Take(Math.Min(200, messages.Count)).ToList(), concurrency, dir, ct); // warm-up (JIT)
        var report = await FloorRunner.RunAsync(messages, concurrency, dir, ct, rate);
        await output.WriteLineAsync(report.ToString());
        return report;
    }

    /// <summary>The load average (Linux), printed beside the figures: on a shared machine they mean little without it.</summary>
    private static string MachineLoad()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static HttpClient NewClient(Uri url) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    })
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromSeconds(60),
    };
}
