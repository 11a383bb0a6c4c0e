namespace Silkgate.Clearance.Returns;

/// <summary>Deadlines of cancellations and returns (business-rules.md; every default is "to confirm" with customs).</summary>
internal sealed class ReturnOptions
{
    public const string Section = "Clearance:Returns";

    /// <summary>A return must be applied for within this many days of the list's release.</summary>
    public int ApplyWithinDays { get; set; } = 30;

    /// <summary>The returned goods must be tallied back (215) within this many days of the list's release.</summary>
    public int ArriveWithinDays { get; set; } = 45;

    /// <summary>A released list may still be cancelled within this many days of its release.</summary>
    public int CancelWithinDaysOfRelease { get; set; } = 30;
}
