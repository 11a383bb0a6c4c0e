namespace Silkgate.Server.Demo;

/// <summary>
/// Settings of <c>Demo:Trade</c>: how much synthetic trade the demo province gets, on the first start in demo mode and from
/// <c>silkgate demo seed</c> (whose options override these).
/// </summary>
public sealed class DemoTradeOptions
{
    public const string Section = "Demo:Trade";

    /// <summary>Months of trade up to yesterday; 0 seeds no trade (the province, its enterprises and accounts only).</summary>
    public int Months { get; set; } = 3;

    /// <summary>Seed of the trade generator: the same seed and window give the same trade, byte for byte.</summary>
    public long Seed { get; set; } = 2026;

    /// <summary>Volume scale: mean sales on an ordinary weekday (festivals and November bring more).</summary>
    public double SalesPerDay { get; set; } = 12;

    /// <summary>Generated sellers, spread over the five zones (each zone also gets its platforms, logistics, payment and service firms).</summary>
    public int Sellers { get; set; } = 24;

    /// <summary>Messages in flight through the gateway at once (the gateway commits whatever is pending in one batch).</summary>
    public int Concurrency { get; set; } = 512;

    /// <summary>Send the recorded trade again even though it was completed (every message is then a replay).</summary>
    public bool Replay { get; set; }
}
