namespace Silkgate.Clearance.Matching;

/// <summary>Settings of <c>Clearance:Matching</c>.</summary>
internal sealed class MatchingOptions
{
    public const string Section = "Clearance:Matching";

    /// <summary>How long a sale may wait for its documents before it is flagged with a warning.</summary>
    public TimeSpan WaitWarningAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the background job looks for sales waiting past <see cref="WaitWarningAfter"/>.</summary>
    public TimeSpan WarningScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest difference, in yuan, between amounts that must be equal; 0 means exactly equal.</summary>
    public decimal AmountTolerance { get; set; }

    /// <summary>Export: the receipt's <c>charge</c> is compared with the order's goodsValue + freight (true, default) or
    /// with goodsValue alone (false).</summary>
    public bool ExportChargeIncludesFreight { get; set; } = true;
}
