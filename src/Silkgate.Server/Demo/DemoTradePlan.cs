using System.Globalization;
using System.Text.Json;
using Silkgate.Simulation;

namespace Silkgate.Server.Demo;

/// <summary>
/// Exactly which trade a seed sends: with the same plan the generator produces the same messages with the same guids,
/// so sending a plan again is a replay. Recorded in the audit log (<see cref="SeedRecords"/>) before the first message.
/// </summary>
/// <param name="Start">First day of trade, Beijing time.</param>
/// <param name="DemoEnterprises">USCCs of the registry's approved demo enterprises that trade too (so their accounts see sales).</param>
internal sealed record DemoTradePlan(long Seed, DateOnly Start, int Days, double SalesPerDay, int Sellers, IReadOnlyList<string> DemoEnterprises)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>A window of whole months that ends yesterday (Beijing time); a document the generator sends later than now arrives now.</summary>
    public static DemoTradePlan For(DemoTradeOptions options, DateTimeOffset now, IReadOnlyList<string> demoEnterprises)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime);
        var start = today.AddMonths(-options.Months);
        return new DemoTradePlan(options.Seed, start, today.DayNumber - start.DayNumber, options.SalesPerDay, options.Sellers, demoEnterprises);
    }

    /// <summary>Demo defects: a few percent of sales miss a document or disagree, a few buyers hit their limits, some messages repeat.</summary>
    public static DefectRates Defects { get; } = new()
    {
        MissingDocument = 0.04,
        AmountMismatch = 0.03,
        ConsigneeMismatch = 0.03,
        OverSingleLimit = 0.01,
        OverAnnualLimit = 0.01,
        StaleMessage = 0.01,
        DuplicateMessage = 0.02,
        DuplicateOrderNumber = 0.01,
    };

    /// <summary>When the enterprises register and are approved: two weeks before their first sale.</summary>
    public DateTimeOffset RegisteredAt => new(Start.AddDays(-14).ToDateTime(new TimeOnly(10, 0)), Beijing);

    public TradeGeneratorOptions Generator(IReadOnlyList<SimEnterprise> enterprises) => new()
    {
        Seed = Seed,
        Start = Start,
        Days = Days,
        SalesPerDay = SalesPerDay,
        Enterprises = enterprises,
        Defects = Defects,
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    public static DemoTradePlan? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DemoTradePlan>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}, {Start:yyyy-MM-dd} + {Days} days, {SalesPerDay} sales a day, {Sellers} sellers");
}
