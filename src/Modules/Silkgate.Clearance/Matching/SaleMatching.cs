using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Matching.Rules;

namespace Silkgate.Clearance.Matching;

/// <summary>The verdict on a sale: its trade mode (when known), state, missing documents and mismatches.</summary>
internal sealed record SaleVerdict(string? Mode, SaleState State, IReadOnlyList<CebDocumentKind> Missing, IReadOnlyList<Mismatch> Mismatches);

/// <summary>Decides a sale's state from its documents; pure.</summary>
internal static class SaleMatching
{
    private static readonly CebDocumentKind[] ImportKinds = [CebDocumentKind.Order, CebDocumentKind.Payment, CebDocumentKind.Waybill, CebDocumentKind.DeclarationList];
    private static readonly CebDocumentKind[] ExportRetailKinds = [CebDocumentKind.Order, CebDocumentKind.PaymentReceipt, CebDocumentKind.Waybill, CebDocumentKind.DeclarationList];
    private static readonly CebDocumentKind[] ExportB2bKinds = [CebDocumentKind.Order, CebDocumentKind.Waybill, CebDocumentKind.DeclarationList];

    /// <summary>The list's trade mode; before the list arrives, the one an export order type implies (B → 9710, W → 9810).</summary>
    public static string? ModeOf(SaleDocuments docs) => docs.List?.TradeMode ?? (docs.Order?.OrderType) switch
    {
        "B" => "9710",
        "W" => "9810",
        _ => null,
    };

    public static bool IsBusinessToBusiness(string? mode) => mode is "9710" or "9810";

    /// <summary>Import (9610, 1210): order, payment, waybill, list. Export retail (9610, 1210): order, receipt, waybill, list.
    /// Export B2B (9710, 9810): order (or booking), waybill, list; a receipt, if sent, is still checked.</summary>
    public static IReadOnlyList<CebDocumentKind> RequiredKinds(CebDirection direction, string? mode) =>
        direction == CebDirection.Import ? ImportKinds : IsBusinessToBusiness(mode) ? ExportB2bKinds : ExportRetailKinds;

    public static SaleVerdict Evaluate(SaleDocuments docs, MatchingOptions options)
    {
        var mode = ModeOf(docs);
        var required = RequiredKinds(docs.Direction, mode);
        var missing = required.Where(k => !docs.Has(k)).ToList();
        var mismatches = new List<Mismatch>();
        foreach (var rule in SaleRules.For(docs.Direction))
        {
            rule.Check(docs, options, mismatches);
        }

        var state = mismatches.Count > 0 ? SaleState.Mismatched
            : missing.Count > 0 ? SaleState.Waiting
            : required.All(k => docs.Documents.Any(d => d.Kind == k && d.Status is DocumentStatus.Declared or DocumentStatus.SentToCustoms)) ? SaleState.Ready
            : SaleState.Matched;
        return new SaleVerdict(mode, state, missing, mismatches);
    }
}
