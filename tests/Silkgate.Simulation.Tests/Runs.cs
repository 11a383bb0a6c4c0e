namespace Silkgate.Simulation.Tests;

/// <summary>Generator runs shared by the tests (generated once per test process).</summary>
internal static class Runs
{
    public static TradeGeneratorOptions Small(long seed = 7, int entities = 1, DefectRates? defects = null) => new()
    {
        Seed = seed,
        Start = new DateOnly(2026, 3, 2),
        Days = 2,
        SalesPerDay = 400,
        EntitiesPerMessage = entities,
        Defects = defects ?? DefectRates.None,
    };

    /// <summary>Four days, about 4,000 sales, no defects.</summary>
    public static readonly Lazy<(List<GeneratedSale> Sales, List<GeneratedMessage> Messages)> Clean = new(() =>
    {
        var g = new TradeGenerator(new TradeGeneratorOptions { Seed = 11, Start = new DateOnly(2026, 5, 4), Days = 4, SalesPerDay = 1_000 });
        return ([.. g.Sales()], [.. g.Messages()]);
    });

    /// <summary>Every defect at 5 %, about 10,000 sales.</summary>
    public static readonly TradeGeneratorOptions Defective = new()
    {
        Seed = 23,
        Start = new DateOnly(2026, 4, 6),
        Days = 10,
        SalesPerDay = 1_000,
        Defects = DefectRates.All(0.05),
    };

    public static readonly Lazy<(List<GeneratedSale> Sales, List<GeneratedMessage> Messages)> DefectiveRun = new(() =>
    {
        var g = new TradeGenerator(Defective);
        return ([.. g.Sales()], [.. g.Messages()]);
    });
}
