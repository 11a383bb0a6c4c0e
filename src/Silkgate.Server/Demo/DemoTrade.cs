using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Modules;
using Silkgate.Server.Hosting;
using Silkgate.Simulation;

namespace Silkgate.Server.Demo;

/// <summary>How a seed ended.</summary>
public enum DemoTradeOutcome
{
    /// <summary>The trade was sent (or its interrupted sending completed).</summary>
    Seeded,

    /// <summary>The recorded trade was complete already; nothing was sent.</summary>
    AlreadySeeded,

    /// <summary>No trade wanted (months 0), or the database holds sales that the demo did not seed.</summary>
    Skipped,
}

/// <param name="Sending">Time spent sending the messages (after registration and generation).</param>
/// <param name="Elapsed">Time of the whole seed.</param>
public sealed record DemoTradeReport(DemoTradeOutcome Outcome, string Plan, int Enterprises, DriveCounts? Counts, TimeSpan Sending, TimeSpan Elapsed);

/// <summary>
/// The demo province's trade: registers the generator's enterprises through the registry, gives each an API key through
/// Identity, and sends a few months of generated messages through the real gateway, at their historical send times.
/// Idempotent: the plan is recorded first; a later seed finds it complete and sends nothing, or (interrupted, or asked to
/// replay) sends the same plan again, which the gateway answers as replays (same sender, same guid).
/// </summary>
public static class DemoTrade
{
    /// <summary>The first start in demo mode: seeds <c>Demo:Trade</c> unless it was seeded (or the database already holds other sales).</summary>
    public static async Task<DemoTradeReport> SeedOnFirstStartAsync(IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DemoTradeOptions.Section).Get<DemoTradeOptions>() ?? new DemoTradeOptions();
        options.Replay = false;
        return await SeedAsync(configuration, options, output, firstStart: true, ct);
    }

    public static Task<DemoTradeReport> SeedAsync(IConfiguration configuration, DemoTradeOptions options, TextWriter output, CancellationToken ct) =>
        SeedAsync(configuration, options, output, firstStart: false, ct);

    private static async Task<DemoTradeReport> SeedAsync(IConfiguration configuration, DemoTradeOptions options, TextWriter output, bool firstStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var watch = Stopwatch.StartNew();
        var clock = new ReplayClock(TimeProvider.System);
        using var host = DemoTradeHost.Build(configuration, clock);
        var services = host.Services;
        await services.PrepareDatabaseAsync(seedDemo: true, ct);

        var state = await SeedRecords.ReadAsync(services, ct);
        if (state.Plan is { } done && state.Done && !options.Replay)
        {
            return new DemoTradeReport(DemoTradeOutcome.AlreadySeeded, done.ToString(), 0, null, TimeSpan.Zero, watch.Elapsed);
        }

        if (state.Plan is null && (options.Months <= 0 || (firstStart && await HoldsSalesAsync(services, ct))))
        {
            return new DemoTradeReport(DemoTradeOutcome.Skipped, "", 0, null, TimeSpan.Zero, watch.Elapsed);
        }

        var senders = new DemoSenders(services);
        var plan = state.Plan;
        if (plan is null)
        {
            var demoEnterprises = await senders.DemoEnterprisesAsync(null, ct);
            plan = DemoTradePlan.For(options, clock.GetUtcNow(), demoEnterprises.Select(e => e.Uscc!).ToList());
            await SeedRecords.PlanAsync(services, plan, ct);
        }

        await output.WriteLineAsync($"demo trade: {plan}");
        var enterprises = TradeGenerator.GenerateEnterprises(plan.Seed, plan.Sellers).Concat(await senders.DemoEnterprisesAsync(plan.DemoEnterprises, ct)).ToList();
        await host.StartAsync(ct);
        try
        {
            // The messages are generated (CPU) while the enterprises are registered (database), then sent.
            var generator = new TradeGenerator(plan.Generator(enterprises));
            var generated = Task.Run(() => (Messages: generator.Messages().ToList(), Sales: generator.Sales().ToList()), ct);
            clock.Pin(plan.RegisteredAt);
            var signing = SignsForEnterprises(configuration) ? new DemoSigningIdentities(services, clock) : null;
            var actors = await senders.PrepareAsync(enterprises, signing, ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"demo trade: {actors.Count} enterprises registered, approved and given API keys, {senders.IdentitiesMade} new signing keys deposited ({watch.Elapsed.TotalSeconds:F1} s)"));
            if (signing is null)
            {
                await output.WriteLineAsync("demo trade: no signing keys deposited (not in demo mode and no Clearance:Signing:MasterKey): the platform cannot sign these enterprises' declarations for customs");
            }

            var (messages, sales) = await generated;
            var buyers = sales.Where(s => s.BuyerIdNumber is not null).ToDictionary(s => s.OrderNo, s => s.BuyerIdNumber!, StringComparer.Ordinal);
            var progress = new SeedProgressBar(output, SeedProgressBar.IsTerminal(output));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"demo trade: {messages.Count:N0} messages of {buyers.Count:N0} import and {sales.Count - buyers.Count:N0} export sales ({watch.Elapsed.TotalSeconds:F1} s); sending through the gateway"));
            progress.Start(messages.Count);
            var counts = await new TradeDriver(services, clock, actors, options.Concurrency, progress).RunAsync(messages, buyers, ct);
            progress.Finish();
            clock.Release();

            var report = new DemoTradeReport(DemoTradeOutcome.Seeded, plan.ToString(), actors.Count, counts, progress.Elapsed, watch.Elapsed);
            await SeedRecords.DoneAsync(services, Summary(report), ct);
            await output.WriteLineAsync($"demo trade: {Summary(report)}");
            return report;
        }
        finally
        {
            clock.Release();
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Deposits need a master key to seal them. The seed's host always runs in demo mode (which has the public demo key), but
    /// a database seeded from a production configuration without a key of its own must not hold keys that its server
    /// could not open (it would refuse to start).
    /// </summary>
    private static bool SignsForEnterprises(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Clearance:Signing:MasterKey"])
        || string.Equals(configuration[$"{PlatformOptions.Section}:{nameof(PlatformOptions.Mode)}"], nameof(PlatformMode.Demo), StringComparison.OrdinalIgnoreCase);

    /// <summary>Sales the platform holds already (a database used before, without a recorded demo seed).</summary>
    private static async Task<bool> HoldsSalesAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<IDeclarationQueries>().ListSalesAsync(new SaleListQuery(PageSize: 1), ct);
        return page.Total > 0;
    }

    public static string Summary(DemoTradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Counts is not { } c)
        {
            return report.Outcome.ToString();
        }

        var refused = c.Refused.Count == 0 ? "none" : string.Join(", ", c.Refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} ×{r.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.Messages:N0} messages sent in {report.Sending.TotalSeconds:F1} s (whole seed {report.Elapsed.TotalSeconds:F1} s; {c.Replayed:N0} replays, {c.Forbidden} refused senders, {c.Failed} failed); entities refused as configured: {refused}");
    }
}
