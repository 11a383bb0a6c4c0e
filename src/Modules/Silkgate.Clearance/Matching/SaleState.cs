namespace Silkgate.Clearance.Matching;

/// <summary>Where a sale stands (stored by name in <c>clearance_sales.state</c>).</summary>
internal enum SaleState
{
    /// <summary>Some required documents have not arrived (or were deleted); the ones present agree.</summary>
    Waiting,

    /// <summary>At least one check failed; the sale is held until a change (appType 2) corrects a document.</summary>
    Mismatched,

    /// <summary>All required documents are present and agree; at least one of them is only saved (appStatus 1).</summary>
    Matched,

    /// <summary>Matched, and every required document is declared (appStatus 2): ready to send to customs.</summary>
    Ready,
}

/// <summary>One disagreeing field: its value in document A and in document B.</summary>
/// <param name="Check">The rule that found it, e.g. <c>OrderPaidMustEqualPaymentAmount</c>.</param>
/// <param name="Field">Path of the field, e.g. <c>OrderList[gnum=2]/qty</c>.</param>
internal sealed record Mismatch(string Check, string Field, string? ValueA, string? ValueB, Silkgate.Ceb.CebDocumentKind KindA, Silkgate.Ceb.CebDocumentKind KindB);
