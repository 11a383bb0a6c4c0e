using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Limits;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>
/// What a new customs status means beyond the document itself: list events for other modules, the import buyer ledger
/// (a list that ends without a sale gives its amount back; a released one stays booked), and an approved cancellation
/// or return ending its list.
/// </summary>
internal static class ListOutcomes
{
    public static async Task FollowAsync(IngestContext c, TargetDocument doc, DocumentStatus status, string customsCode, CancellationToken ct)
    {
        switch (doc.DocumentKind)
        {
            case CebDocumentKind.DeclarationList:
                await ListMovedAsync(c, doc, status, customsCode, ct);
                break;
            case CebDocumentKind.ListCancel when Approved(doc, status):
                await EndLinkedListAsync(c, doc.Id, DocumentStatus.Cancelled, customsCode, ct);
                break;
            case CebDocumentKind.Return when Approved(doc, status):
                await EndLinkedListAsync(c, doc.Id, DocumentStatus.GoodsReturned, customsCode, ct);
                break;
        }
    }

    /// <summary>Customs approves a cancellation or an import return by examining it (399); an export return by releasing it (800).</summary>
    internal static bool Approved(TargetDocument doc, DocumentStatus status) =>
        status == DocumentStatus.Released || (status == DocumentStatus.Examined && !(doc.DocumentKind == CebDocumentKind.Return && doc.Direction == "E"));

    private static async Task ListMovedAsync(IngestContext c, TargetDocument list, DocumentStatus status, string code, CancellationToken ct)
    {
        if (list.Direction == "I" && (CustomsStatuses.EndsWithoutSale(status) || status == DocumentStatus.ProcessingError))
        {
            await ImportLimitGuard.ReverseListAsync(c, list.Id, status.ToString().ToLowerInvariant(), ct);
        }

        var type = status switch
        {
            DocumentStatus.Released => CustomsEvents.ListReleased,
            DocumentStatus.Closed => CustomsEvents.ListClosed,
            _ when CustomsStatuses.EndsWithoutSale(status) => CustomsEvents.ListEnded,
            _ => null,
        };
        if (type is not null)
        {
            var invtNo = await c.Connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT invt_no FROM clearance_documents WHERE id = @Id",
                new { list.Id }, c.Transaction, cancellationToken: ct));
            c.Outbox.Add(type, new ListCustomsEvent(list.Id, list.SaleId, list.Direction, list.EbpCode, list.OrderNo, invtNo, status.ToString(), code));
        }
    }

    private static async Task EndLinkedListAsync(IngestContext c, long documentId, DocumentStatus ending, string code, CancellationToken ct)
    {
        var listId = await c.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT linked_document_id FROM clearance_document_links WHERE document_id = @documentId AND role = 'list'",
            new { documentId }, c.Transaction, cancellationToken: ct));
        if (listId is null || await ReceiptTargets.ByIdAsync(c, listId.Value, ct) is not { } list || !CustomsStatuses.Moves(list.CurrentStatus, list.CustomsStatusTime, ending, ""))
        {
            return;
        }

        await c.Connection.ExecuteAsync(new CommandDefinition("UPDATE clearance_documents SET status = @s, updated_at = @now WHERE id = @Id",
            new { list.Id, s = ending.ToString(), now = c.ReceivedAt }, c.Transaction, cancellationToken: ct));
        c.Outbox.Add(CustomsEvents.StatusChanged, new CustomsStatusChanged(list.Id, list.Kind, list.Direction, list.SaleId, ending.ToString(), code, "link"));
        await ListMovedAsync(c, list, ending, code, ct);
    }
}
