using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;

namespace Silkgate.Clearance.Matching;

/// <summary>A live (not deleted) document of a sale.</summary>
internal sealed record SaleDocument(long Id, CebDocumentKind Kind, DocumentStatus Status, DocumentFacts Facts);

/// <summary>The documents of one sale as they stand; what the rules look at.</summary>
internal sealed class SaleDocuments
{
    public SaleDocuments(CebDirection direction, IEnumerable<SaleDocument> documents)
    {
        Direction = direction;
        Documents = documents.Where(d => d.Status != DocumentStatus.Deleted).ToList();
    }

    public CebDirection Direction { get; }

    public IReadOnlyList<SaleDocument> Documents { get; }

    public DocumentFacts? Order => Find(CebDocumentKind.Order);

    /// <summary>Import payment (411) or export receipt of payment (403).</summary>
    public DocumentFacts? Payment => Find(Direction == CebDirection.Import ? CebDocumentKind.Payment : CebDocumentKind.PaymentReceipt);

    public DocumentFacts? Waybill => Find(CebDocumentKind.Waybill);

    public DocumentFacts? List => Find(CebDocumentKind.DeclarationList);

    public CebDocumentKind PaymentKind => Direction == CebDirection.Import ? CebDocumentKind.Payment : CebDocumentKind.PaymentReceipt;

    public bool Has(CebDocumentKind kind) => Documents.Any(d => d.Kind == kind);

    private DocumentFacts? Find(CebDocumentKind kind) => Documents.FirstOrDefault(d => d.Kind == kind)?.Facts;
}
