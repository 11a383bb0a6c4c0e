namespace Silkgate.Simulation.Tests;

public sealed class PatternTests
{
    private static readonly Lazy<List<GeneratedSale>> Autumn = new(() => new TradeGenerator(new TradeGeneratorOptions
    {
        Seed = 3,
        Start = new DateOnly(2026, 10, 5),
        Days = 60,
        SalesPerDay = 150,
    }).Sales().ToList());

    [Fact]
    public void Double_eleven_sells_far_more_than_an_ordinary_day()
    {
        var perDay = Autumn.Value.GroupBy(s => DateOnly.FromDateTime(s.OrderedAt.DateTime)).ToDictionary(g => g.Key, g => g.Count());
        var ordinary = perDay.Where(d => d.Key.Month == 10 && d.Key.Day is >= 12 and <= 25).Select(d => d.Value).Order().ToList();
        var median = ordinary[ordinary.Count / 2];
        Assert.True(perDay[new DateOnly(2026, 11, 11)] > 3 * median, $"11-11: {perDay[new DateOnly(2026, 11, 11)]}, ordinary median {median}");
        Assert.True(perDay[new DateOnly(2026, 11, 27)] > 2 * median, "Black Friday 2026 is November 27");
    }

    [Fact]
    public void Orders_peak_in_the_evening()
    {
        var perHour = Autumn.Value.GroupBy(s => s.OrderedAt.Hour).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perHour[21] > 3 * perHour[4]);
        Assert.Equal(21, perHour.MaxBy(h => h.Value).Key);
    }

    [Fact]
    public void Volume_grows_with_the_configured_trend()
    {
        var flat = new TradeGeneratorOptions { Seed = 9, Start = new DateOnly(2026, 1, 5), Days = 28, SalesPerDay = 300, Seasonality = false, AnnualGrowth = 0 };
        var first = new TradeGenerator(flat).Sales().Count();
        var later = new TradeGenerator(flat with { AnnualGrowth = 1.0, Start = new DateOnly(2026, 1, 5) }).Sales()
            .Count(s => s.OrderedAt.Date >= new DateTime(2026, 1, 19));
        Assert.InRange(first, 28 * 300 * 0.95, 28 * 300 * 1.05);
        Assert.True(later > 14 * 300 * 1.02, $"{later}");
    }

    [Fact]
    public void Documents_of_a_sale_arrive_in_varying_order()
    {
        var (sales, messages) = Runs.Clean.Value;
        var arrivals = messages.SelectMany(m => m.OrderNos.Select(o => (Order: o, m.MessageType))).GroupBy(x => x.Order)
            .ToDictionary(g => g.Key, g => g.Select(x => x.MessageType).ToList());
        var complete = sales.Where(s => s.Documents.Count == 4).Select(s => (s, seq: arrivals[s.OrderNo])).ToList();
        var orderFirst = complete.Count(x => x.seq[0] == x.s.Documents[0]);
        var listLast = complete.Count(x => x.seq[^1] == x.s.Documents[^1]);
        Assert.InRange(orderFirst, complete.Count / 2, complete.Count - 1);
        Assert.InRange(listLast, complete.Count / 2, complete.Count - 1);
        Assert.Contains(complete, x => x.seq[0] == x.s.Documents[^1]);
        Assert.Contains(complete, x => x.seq[0] == x.s.Documents[1] || x.seq[0] == x.s.Documents[2]);
    }

    [Fact]
    public void Mode_mix_and_destinations_are_roughly_as_configured()
    {
        var sales = Runs.Clean.Value.Sales;
        var export9610 = sales.Count(s => s.Mode == SimTradeMode.Export9610) / (double)sales.Count;
        Assert.InRange(export9610, 0.55, 0.69);
        var exports = sales.Where(s => !s.IsImport).ToList();
        var us = exports.Count(s => s.Country == "502") / (double)exports.Count;
        Assert.InRange(us, 0.25, 0.35);
        Assert.Contains(sales, s => s.Mode == SimTradeMode.Import1210);
        Assert.Contains(sales, s => s.Mode == SimTradeMode.Export9810);
    }
}
