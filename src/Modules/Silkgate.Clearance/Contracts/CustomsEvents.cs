namespace Silkgate.Clearance.Contracts;

/// <summary>Integration events of the customs lifecycle (outbox, same transaction as the change they report).</summary>
public static class CustomsEvents
{
    /// <summary>A declared document was handed to the customs queue (<see cref="DocumentEnqueued"/>).</summary>
    public const string DocumentEnqueued = "clearance.document-enqueued";

    /// <summary>A customs receipt moved a document's status (<see cref="CustomsStatusChanged"/>).</summary>
    public const string StatusChanged = "clearance.customs-status-changed";

    /// <summary>Customs released a list (800) (<see cref="ListCustomsEvent"/>).</summary>
    public const string ListReleased = "clearance.list-released";

    /// <summary>Customs closed a list (899) (<see cref="ListCustomsEvent"/>).</summary>
    public const string ListClosed = "clearance.list-closed";

    /// <summary>A list ended without a sale: rejected, sent back, cancellation or return approved (<see cref="ListCustomsEvent"/>).</summary>
    public const string ListEnded = "clearance.list-ended";

    /// <summary>Customs issued or changed an electronic tax bill (816/818) (<see cref="TaxBillChanged"/>).</summary>
    public const string TaxBillChanged = "clearance.tax-bill-changed";

    /// <summary>Customs answered a summary application with a declaration (792) (<see cref="SummaryResultReceived"/>).</summary>
    public const string SummaryResultReceived = "clearance.summary-result";
}

public sealed record DocumentEnqueued(long DocumentId, string MessageType, string MessageGuid, long SenderEnterpriseId);

/// <param name="Status">The document status name (e.g. Released).</param>
/// <param name="CustomsCode">customs' returnStatus as sent.</param>
public sealed record CustomsStatusChanged(long DocumentId, string Kind, string Direction, long? SaleId, string Status, string CustomsCode, string ReceiptType);

public sealed record ListCustomsEvent(long ListDocumentId, long? SaleId, string Direction, string? EbpCode, string? OrderNo, string? InvtNo, string Status, string CustomsCode);

public sealed record TaxBillChanged(string TaxNo, string InvtNo, long? ListDocumentId, string Status, long CustomsTaxUnits, long ValueAddedTaxUnits, long ConsumptionTaxUnits);

public sealed record SummaryResultReceived(string DeclSeqNo, string SumNo, string? EntryId, string DecState, string EbcCode, int Items);
