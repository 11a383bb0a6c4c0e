namespace Silkgate.Sandbox.State;

/// <summary>What the sandbox holds of one declared list.</summary>
internal sealed class ListRecord
{
    public long Id { get; set; }
    /// <summary>"I" import or "E" export.</summary>
    public string Direction { get; set; } = "I";
    /// <summary>Direction + declarant + copNo: one list may be declared once.</summary>
    public string CopKey { get; set; } = string.Empty;
    public string Guid { get; set; } = string.Empty;
    public string PreNo { get; set; } = string.Empty;
    public string InvtNo { get; set; } = string.Empty;
    public string EbcCode { get; set; } = string.Empty;
    public int Status { get; set; }
    public string Plan { get; set; } = ListPlan.Normal;
    public string? BuyerId { get; set; }
    /// <summary>Dutiable value in 1/100000 yuan (ADR 0003).</summary>
    public long AmountUnits { get; set; }
    public int LedgerYear { get; set; }
    public string? StatisticsFlag { get; set; }
    public long? ReleasedMs { get; set; }
    /// <summary>Null while the list lives; "cancelled" or "returned" once it ended that way.</summary>
    public string? Ended { get; set; }
    public bool Summarised { get; set; }
    public string? TaxNo { get; set; }
    /// <summary>The DXP id that declared the list: receiver of its later receipts and notices.</summary>
    public string PlatformDxp { get; set; } = string.Empty;
    /// <summary>The list as a single-entity CEB message (the receipts are built from it).</summary>
    public byte[] Message { get; set; } = [];

    public bool IsImport => Direction == "I";
}

/// <summary>The path a list takes, chosen deterministically when it is entered.</summary>
internal static class ListPlan
{
    public const string Normal = "normal";
    public const string Reject = "reject";
    public const string ManualReview = "manual";
    public const string Inspection = "inspection";
}

/// <summary>The steps a list's timers fire.</summary>
internal static class ListStep
{
    public const string Examine = "examine";
    public const string Examined = "examined";
    public const string Inspect = "inspect";
    public const string Release = "release";
    public const string Close = "close";
}
