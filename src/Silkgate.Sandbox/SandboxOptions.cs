namespace Silkgate.Sandbox;

/// <summary>Configuration section <c>Customs:Sandbox</c>. Every delay and share has a demo default.</summary>
internal sealed class SandboxOptions
{
    public const string Section = "Customs:Sandbox";

    /// <summary>Exchange root holding <c>to-customs/</c> and <c>from-customs/</c>; defaults to the platform's directory transport root.</summary>
    public string? Exchange { get; set; }

    /// <summary>4-digit customs district that starts every list number (2991: Hangzhou customs in the samples).</summary>
    public string CustomsDistrict { get; set; } = "2991";

    /// <summary>Seed of the deterministic choice of which lists are rejected or held.</summary>
    public int Seed { get; set; } = 20260501;

    /// <summary>Share of lists rejected (100) at examination.</summary>
    public double RejectShare { get; set; } = 0.05;

    /// <summary>Share of lists held for manual review (300) before examination.</summary>
    public double ManualReviewShare { get; set; } = 0.05;

    /// <summary>Share of import lists inspected (500) before release; export lists have no inspection status and get manual review instead.</summary>
    public double InspectionShare { get; set; } = 0.05;

    public TimeSpan ExamineAfter { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan ReleaseAfter { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan CloseAfter { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>How long a manual review or an inspection holds a list.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Delay between a summary application's 702 and its 792 results.</summary>
    public TimeSpan SummaryAfter { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Window after release in which a return (213/625) is approved (to confirm: 30 days).</summary>
    public TimeSpan ReturnWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Single-transaction import limit in yuan.</summary>
    public decimal SingleLimit { get; set; } = 5000m;

    /// <summary>Annual import limit per buyer in yuan.</summary>
    public decimal AnnualLimit { get; set; } = 26000m;

    /// <summary>Import VAT rate (13 % by default).</summary>
    public decimal VatRate { get; set; } = 0.13m;

    /// <summary>
    /// Fields whose values together make one summary declaration (business-rules.md, to confirm). <c>ownerCode</c> counts
    /// only when the application's <c>summaryFlag</c> is 2, <c>itemName</c> only when its <c>itemNameFlag</c> is 1.
    /// An array, so that configuration replaces the default instead of adding to it. A line field wins over a head field of the same name (<c>country</c>: the line's final destination).
    /// </summary>
    public string[] SummaryKey { get; set; } = ["ebcCode", "ownerCode", "trafMode", "country", "portCode", "gcode", "currency", "unit", "itemName"];

    /// <summary>Verify the signature of every message that carries one or must carry one.</summary>
    public bool VerifySignatures { get; set; } = true;

    /// <summary>Customs' DXP ids: import and export receivers, the senders of the answers.</summary>
    public string ImportDxpId { get; set; } = "DXPEDCCEB0000002";
    public string ExportDxpId { get; set; } = "DXPEDCCEB0000003";

    /// <summary>Receiver of an answer when the sender of an unreadable file is unknown.</summary>
    public string PlatformDxpId { get; set; } = "DXPSILKGATE00001";

    public string CustomsDxpId(Silkgate.Ceb.CebDirection direction) =>
        direction == Silkgate.Ceb.CebDirection.Import ? ImportDxpId : ExportDxpId;
}
