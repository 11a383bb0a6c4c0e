using Silkgate.Ceb;

namespace Silkgate.Simulation;

/// <summary>Customs modes of a synthetic sale.</summary>
public enum SimTradeMode
{
    /// <summary>9610 retail export (B2C, order E).</summary>
    Export9610,

    /// <summary>9710 B2B direct export (order B).</summary>
    Export9710,

    /// <summary>9810 export to an overseas warehouse (booking W).</summary>
    Export9810,

    /// <summary>1210 bonded export (order E, list with account book).</summary>
    Export1210,

    /// <summary>9610 direct-purchase retail import.</summary>
    Import9610,

    /// <summary>1210 bonded retail import.</summary>
    Import1210,
}

/// <summary>Relative weights of the customs modes (they need not sum to 1).</summary>
public sealed record TradeModeMix(double Export9610, double Export9710, double Export9810, double Export1210, double Import9610, double Import1210)
{
    /// <summary>Mostly 9610 export; some B2B, overseas-warehouse and bonded trade; a sixth import.</summary>
    public static TradeModeMix Default { get; } = new(0.62, 0.07, 0.06, 0.08, 0.07, 0.10);

    public static TradeModeMix ExportOnly { get; } = new(0.75, 0.09, 0.07, 0.09, 0, 0);

    public static TradeModeMix ImportOnly { get; } = new(0, 0, 0, 0, 0.45, 0.55);

    internal double Weight(SimTradeMode mode) => mode switch
    {
        SimTradeMode.Export9610 => Export9610,
        SimTradeMode.Export9710 => Export9710,
        SimTradeMode.Export9810 => Export9810,
        SimTradeMode.Export1210 => Export1210,
        SimTradeMode.Import9610 => Import9610,
        _ => Import1210,
    };
}

/// <summary>
/// Probability of each defect per eligible sale (0–1). Consignee mismatch and the buyer limits apply to import sales
/// only (an export waybill carries no consignee, export has no buyer limit); the others to every sale.
/// </summary>
public sealed record DefectRates
{
    public static DefectRates None { get; } = new();

    /// <summary>The same rate for every defect.</summary>
    public static DefectRates All(double rate) => new()
    {
        MissingDocument = rate,
        AmountMismatch = rate,
        ConsigneeMismatch = rate,
        OverSingleLimit = rate,
        OverAnnualLimit = rate,
        StaleMessage = rate,
        DuplicateMessage = rate,
        DuplicateOrderNumber = rate,
    };

    /// <summary>One of the sale's documents is never sent.</summary>
    public double MissingDocument { get; init; }

    /// <summary>Payment (import amountPaid, export receipt charge) differs from the order.</summary>
    public double AmountMismatch { get; init; }

    /// <summary>Import waybill consignee (name, phone or address) differs from the order's.</summary>
    public double ConsigneeMismatch { get; init; }

    /// <summary>Import order over the ¥5,000 single-transaction limit.</summary>
    public double OverSingleLimit { get; init; }

    /// <summary>Import order that takes the buyer's calendar-year total over ¥26,000.</summary>
    public double OverAnnualLimit { get; init; }

    /// <summary>A change (appType 2) with an older appTime arrives after a newer change of the same document.</summary>
    public double StaleMessage { get; init; }

    /// <summary>A message is sent twice with the same guid (identical bytes).</summary>
    public double DuplicateMessage { get; init; }

    /// <summary>A second new order (appType 1, new guid) with the same order number.</summary>
    public double DuplicateOrderNumber { get; init; }
}

/// <summary>Options of <see cref="TradeGenerator"/>. Everything derives from <see cref="Seed"/> and <see cref="Start"/>.</summary>
public sealed record TradeGeneratorOptions
{
    public long Seed { get; init; } = 1;

    /// <summary>First day (Beijing time, UTC+8; the time of day is ignored).</summary>
    public DateOnly Start { get; init; } = new(2026, 1, 1);

    public int Days { get; init; } = 30;

    /// <summary>
    /// The serial of the first sale, less one. Order, waybill and list numbers are built from the serial and the order
    /// date, not from the seed, so two runs sent to one database must start at different serials or their documents
    /// repeat each other's numbers (and the gateway rightly refuses them as duplicates).
    /// </summary>
    public int FirstSerial { get; init; }

    /// <summary>Mean sales a day on an ordinary weekday at <see cref="Start"/> (before season and growth).</summary>
    public double SalesPerDay { get; init; } = 1_000;

    /// <summary>Year-on-year growth of volume (0.2 = 20 %).</summary>
    public double AnnualGrowth { get; init; } = 0.2;

    /// <summary>Weekly, seasonal and festival patterns (618, 11-11, Black Friday, Christmas lead time).</summary>
    public bool Seasonality { get; init; } = true;

    /// <summary>Trading enterprises; null: <see cref="TradeGenerator.GenerateEnterprises"/> with the seed.</summary>
    public IReadOnlyList<SimEnterprise>? Enterprises { get; init; }

    public TradeModeMix ModeMix { get; init; } = TradeModeMix.Default;

    public DefectRates Defects { get; init; } = DefectRates.None;

    /// <summary>Business entities per message (1–100): documents of the same type from the same sender are batched.</summary>
    public int EntitiesPerMessage { get; init; } = 1;

    /// <summary>Longest time a document waits for its batch to fill.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>appStatus of declarations: "2" (declared, signed; default) or "1" (saved, unsigned except lists 621).</summary>
    public string AppStatus { get; init; } = "2";

    /// <summary>Signs a message before it is written (e.g. with an enterprise's deposited key); null puts a
    /// structurally valid placeholder <c>ds:Signature</c> where one is required.</summary>
    public Action<CebMessage, SimEnterprise>? Sign { get; init; }
}
