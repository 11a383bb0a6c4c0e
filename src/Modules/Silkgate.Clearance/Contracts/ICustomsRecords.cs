namespace Silkgate.Clearance.Contracts;

/// <summary>
/// What customs answered, for other modules (tax, statistics): documents' customs statuses, electronic tax bills (816/818)
/// and summary results (792). Module-to-module reads: no actor scope; pages use <see cref="ICustomsTimeline"/>.
/// </summary>
public interface ICustomsRecords
{
    /// <summary>A document's customs status, or null when it does not exist.</summary>
    Task<DocumentCustomsStatus?> DocumentStatusAsync(long documentId, CancellationToken ct);

    /// <summary>Tax bills of an import list by its customs number (invtNo).</summary>
    Task<IReadOnlyList<TaxBill>> TaxBillsAsync(string invtNo, CancellationToken ct);

    /// <summary>Summary results (declarations) that took items of an export list (invtNo), with those items.</summary>
    Task<IReadOnlyList<SummaryResult>> SummaryResultsForListAsync(string invtNo, CancellationToken ct);
}

/// <param name="Status">Document status name (Declared, SentToCustoms, Released, Closed, Rejected …).</param>
/// <param name="CustomsCode">The returnStatus of the receipt that set it (null before customs answered).</param>
public sealed record DocumentCustomsStatus(long DocumentId, string Kind, string Direction, string Status, long? CustomsCode, string? CustomsInfo,
    string? InvtNo, string? PreNo, string? CustomsNo, long? ReleasedAt);

/// <summary>Amounts in units of 1/100000 yuan (ADR 0003). Status 1 generated, 2 summarised, 3 void.</summary>
public sealed record TaxBill(string TaxNo, string InvtNo, long? ListDocumentId, long CustomsTaxUnits, long ValueAddedTaxUnits, long ConsumptionTaxUnits,
    string Status, string? EntDutyNo, string? AssureCode, string ReturnTime);

public sealed record SummaryResult(string DeclSeqNo, string SumNo, string? EntryId, string DecState, string EbcCode, string OpDate,
    IReadOnlyList<SummaryResultItem> Items);

/// <summary>List item (<c>invtNo</c>, <c>gnum</c>) → item <c>gseqno</c> of the declaration.</summary>
public sealed record SummaryResultItem(string InvtNo, long Gnum, long Gseqno, string LogisticsNo, string Gcode);
