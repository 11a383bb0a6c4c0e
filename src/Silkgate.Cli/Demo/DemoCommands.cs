using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Cli.Platform;
using Silkgate.Kernel.Modules;
using Silkgate.Server.Demo;

namespace Silkgate.Cli.Demo;

/// <summary>
/// <c>silkgate demo seed</c>: the demo province, its enterprises and accounts, and months of generated trade sent through
/// the real gateway, on the configured database.
/// </summary>
internal static class DemoCommands
{
    public static Command Build(Func<IHost>? hostFactory = null)
    {
        var months = new Option<int?>("--months") { Description = "Months of trade up to yesterday (default Demo:Trade:Months, 3); 0 seeds no trade." };
        var seedNumber = new Option<long?>("--seed") { Description = "Seed of the trade generator (default 2026): the same seed and window give the same trade." };
        var scale = new Option<double?>("--scale") { Description = "Mean sales on an ordinary weekday (default 30); festivals and November bring more." };
        var sellers = new Option<int?>("--sellers") { Description = "Generated sellers over the five zones (default 30), besides their platforms, logistics, payment and service firms." };
        var replay = new Option<bool>("--replay") { Description = "Send the recorded trade again although it is complete; the gateway answers every message as a replay." };
        var seed = new Command("seed", "Migrate, put the demo province in place (zones, parks, enterprises, accounts) and send generated trade through the gateway. Idempotent.")
        {
            months, seedNumber, scale, sellers, replay,
        };
        seed.SetAction(async (parse, ct) =>
        {
            using var host = (hostFactory ?? DemoHost)();
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            var options = configuration.GetSection(DemoTradeOptions.Section).Get<DemoTradeOptions>() ?? new DemoTradeOptions();
            options.Months = parse.GetValue(months) ?? options.Months;
            options.Seed = parse.GetValue(seedNumber) ?? options.Seed;
            options.SalesPerDay = parse.GetValue(scale) ?? options.SalesPerDay;
            options.Sellers = parse.GetValue(sellers) ?? options.Sellers;
            options.Replay = parse.GetValue(replay);
            if (options.Months < 0 || options.SalesPerDay < 0 || options.Sellers < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--months and --scale must not be negative, --sellers at least 1");
                return 2;
            }

            var output = parse.InvocationConfiguration.Output;
            var report = await DemoTrade.SeedAsync(configuration, options, output, ct);
            await output.WriteLineAsync(report.Outcome switch
            {
                DemoTradeOutcome.AlreadySeeded => $"demo trade already seeded ({report.Plan}); nothing sent. --replay sends it again (all replays).",
                DemoTradeOutcome.Skipped => "no demo trade seeded (--months 0).",
                _ => "demo trade seeded.",
            });
            await output.WriteLineAsync("demo province ready; sign in with the demo accounts of docs/guide/demo.md");
            return report.Counts is { Forbidden: > 0 } or { Failed: > 0 } ? 1 : 0;
        });

        var demo = new Command("demo", "Demo data.");
        demo.Subcommands.Add(seed);
        return demo;
    }

    private static IHost DemoHost() =>
        CliHost.Build([new($"{PlatformOptions.Section}:{nameof(PlatformOptions.Mode)}", nameof(PlatformMode.Demo))]);
}
