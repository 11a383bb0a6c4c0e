using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Clearance.Contracts;
using Silkgate.Registry.Contracts;
using Silkgate.Server.Demo;
using Silkgate.Simulation;

namespace Silkgate.Cli.Tests.Demo;

/// <summary><c>silkgate demo seed --months 1</c> at a small scale, on SQLite: the trade goes through the gateway, once.</summary>
public sealed partial class DemoTradeSeedTests(DemoTradeFixture fixture) : IClassFixture<DemoTradeFixture>
{
    [Fact]
    public async Task Seed_sends_every_message_through_the_gateway_as_its_senders_system()
    {
        Assert.Equal(0, fixture.FirstExitCode);
        var entries = await fixture.ListAsync<(string Channel, long Sender, long? ApiKey, string Outcome)>(
            "SELECT channel AS Channel, sender_enterprise_id AS Sender, api_key_id AS ApiKey, outcome AS Outcome FROM clearance_messages");
        Assert.True(entries.Count > 300, $"{entries.Count} evidence entries");
        Assert.All(entries, e => Assert.Equal(("Http", "Answered"), (e.Channel, e.Outcome)));
        Assert.All(entries, e => Assert.NotNull(e.ApiKey));

        // Documents of one sale come from their different senders: platform, payment firm, logistics firm, declarant.
        Assert.True(entries.Select(e => e.Sender).Distinct().Count() >= 15, "senders");
        using var host = fixture.Host();
        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>();
        foreach (var sender in entries.Select(e => e.Sender).Distinct())
        {
            Assert.Equal(EnterpriseStatus.Approved, (await directory.FindByIdAsync(sender, CancellationToken.None))?.Status);
        }

        var chain = await scope.ServiceProvider.GetRequiredService<IEvidenceLedger>().VerifyAsync(CancellationToken.None);
        Assert.True(chain.IsIntact, chain.Reason);
        Assert.Equal(entries.Count, chain.EntriesVerified);
    }

    [Fact]
    public async Task Seeded_sales_lie_in_several_zones_over_the_past_month()
    {
        var zones = await fixture.ListAsync<string>("SELECT DISTINCT zone_code FROM clearance_sales WHERE zone_code IS NOT NULL");
        Assert.True(zones.Count >= 4, string.Join(",", zones));

        // The gateway received each document at its sender's send time: over the last month, not all at once today.
        var days = await fixture.ListAsync<long>("SELECT DISTINCT created_at / 86400000 FROM clearance_sales");
        Assert.True(days.Count >= 25, $"{days.Count} days");
        var newest = DateTimeOffset.FromUnixTimeMilliseconds(await fixture.QueryAsync<long>("SELECT MAX(received_at) FROM clearance_messages"));
        Assert.True(newest <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Every_sale_ends_matched_mismatched_or_waiting_as_its_generated_defects_say()
    {
        var sales = await GeneratedSalesAsync();
        var stored = (await fixture.ListAsync<(string OrderNo, string State)>("SELECT order_no AS OrderNo, state AS State FROM clearance_sales"))
            .ToDictionary(s => s.OrderNo, s => s.State == "Ready" ? "Matched" : s.State);

        var expected = sales.ToDictionary(s => s.OrderNo, Expected);
        Assert.Equal(expected.OrderBy(e => e.Key), stored.OrderBy(e => e.Key));
        Assert.Contains("Mismatched", stored.Values);
        Assert.Contains("Waiting", stored.Values);
        Assert.True(stored.Values.Count(v => v == "Matched") > 0.8 * stored.Count, "most sales match");
    }

    [Fact]
    public async Task A_second_seed_finds_the_trade_complete_and_sends_nothing()
    {
        var before = await fixture.CountsAsync();
        var (code, output) = await fixture.RunAsync(DemoTradeFixture.SeedArguments);

        Assert.Equal(0, code);
        Assert.Contains("already seeded", output, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task A_replay_of_the_recorded_trade_is_answered_entirely_from_the_gateways_idempotency()
    {
        var before = await fixture.CountsAsync();
        var (code, output) = await fixture.RunAsync("demo", "seed", "--replay");

        Assert.Equal(0, code);
        var summary = SummaryLine().Match(output);
        Assert.True(summary.Success, output);
        Assert.Equal(summary.Groups["messages"].Value, summary.Groups["replays"].Value);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    /// <summary>A missing document or a list refused at the buyer's limits leaves the sale waiting; amounts or consignees that disagree make it a mismatch.</summary>
    private static string Expected(GeneratedSale sale) =>
        (sale.Defects & (SaleDefects.MissingDocument | SaleDefects.OverSingleLimit | SaleDefects.OverAnnualLimit)) != 0 ? "Waiting"
        : (sale.Defects & (SaleDefects.AmountMismatch | SaleDefects.ConsigneeMismatch)) != 0 ? "Mismatched"
        : "Matched";

    /// <summary>The ground truth of the recorded plan, generated again.</summary>
    private async Task<List<GeneratedSale>> GeneratedSalesAsync()
    {
        using var host = fixture.Host();
        var state = await SeedRecords.ReadAsync(host.Services, CancellationToken.None);
        var plan = state.Plan!;
        var demo = await new DemoSenders(host.Services).DemoEnterprisesAsync(plan.DemoEnterprises, CancellationToken.None);
        var enterprises = TradeGenerator.GenerateEnterprises(plan.Seed, plan.Sellers).Concat(demo).ToList();
        return new TradeGenerator(plan.Generator(enterprises)).Sales().ToList();
    }

    [GeneratedRegex(@"(?<messages>[\d,]+) messages sent in [\d.]+ s \(whole seed [\d.]+ s; (?<replays>[\d,]+) replays")]
    private static partial Regex SummaryLine();
}
