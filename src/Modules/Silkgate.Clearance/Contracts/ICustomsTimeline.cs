namespace Silkgate.Clearance.Contracts;

/// <summary>Customs' side of a sale for its timeline page, under the same access rules as <see cref="IDeclarationQueries"/>.</summary>
public interface ICustomsTimeline
{
    /// <summary>The customs status of each document of the sale (and of the cancellations, returns and logistics documents
    /// linked to them) and every customs receipt they received, oldest first; null when the sale is outside the actor's remit.</summary>
    Task<SaleCustomsView?> GetSaleCustomsAsync(long saleId, CancellationToken ct);
}

public sealed record SaleCustomsView(IReadOnlyList<DocumentCustomsStatus> Documents, IReadOnlyList<CustomsReceiptEntry> Receipts);

/// <param name="StatusAfter">The document's status after this receipt (unchanged when <paramref name="Moved"/> is false: a late or equal receipt).</param>
public sealed record CustomsReceiptEntry(long DocumentId, string Kind, string ReceiptType, string ReturnStatus, string ReturnTime, string ReturnInfo,
    string StatusBefore, string StatusAfter, bool Moved, long ReceivedAt);
