using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Logistics;

/// <summary>
/// Links documents declared on their own to the documents they refer to (<c>clearance_document_links</c>): a cancellation,
/// return or tally to its list (role <c>list</c>); arrivals, departures, master/sub waybills and deliveries to the
/// waybills they carry and those waybills' lists; a waybill status to its waybill; a summary application to its lists.
/// Unknown numbers are simply not linked: customs, not the platform, decides about them.
/// </summary>
internal static class DocumentLinks
{
    public static async Task LinkAsync(IngestContext c, long documentId, IncomingDocument doc, long? listId, CancellationToken ct)
    {
        if (listId is { } l)
        {
            await AddAsync(c, documentId, l, "list", ct);
        }

        var direction = DocumentKeys.DirectionCode(doc.Direction);
        var f = doc.Facts;
        var waybills = f.WaybillNumbers ?? (doc.Kind == CebDocumentKind.WaybillStatus && f.LogisticsNo is not null ? [f.LogisticsNo] : []);
        foreach (var no in waybills)
        {
            var rows = await c.Connection.QueryAsync<(long Id, long? SaleId)>(new CommandDefinition(
                "SELECT id, sale_id FROM clearance_documents WHERE direction = @direction AND kind = @kind AND logistics_no = @no" +
                (f.LogisticsCode is null ? "" : " AND logistics_code = @code"),
                new { direction, kind = nameof(CebDocumentKind.Waybill), no, code = f.LogisticsCode }, c.Transaction, cancellationToken: ct));
            foreach (var w in rows)
            {
                await AddAsync(c, documentId, w.Id, "waybill", ct);
                if (w.SaleId is { } sale)
                {
                    await LinkSaleListAsync(c, documentId, sale, ct);
                }
            }
        }

        foreach (var invtNo in f.ListNumbers ?? [])
        {
            var id = await c.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT id FROM clearance_documents WHERE direction = @direction AND kind = @kind AND invt_no = @invtNo ORDER BY id DESC LIMIT 1",
                new { direction, kind = nameof(CebDocumentKind.DeclarationList), invtNo }, c.Transaction, cancellationToken: ct));
            if (id is { } found)
            {
                await AddAsync(c, documentId, found, "carried-list", ct);
            }
        }
    }

    private static async Task LinkSaleListAsync(IngestContext c, long documentId, long saleId, CancellationToken ct)
    {
        var list = await c.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM clearance_documents WHERE sale_id = @saleId AND kind = @kind LIMIT 1",
            new { saleId, kind = nameof(CebDocumentKind.DeclarationList) }, c.Transaction, cancellationToken: ct));
        if (list is { } id)
        {
            await AddAsync(c, documentId, id, "carried-list", ct);
        }
    }

    private static Task<int> AddAsync(IngestContext c, long documentId, long linked, string role, CancellationToken ct) =>
        c.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO clearance_document_links (document_id, linked_document_id, role, created_at) VALUES (@documentId, @linked, @role, @now) " +
            "ON CONFLICT (document_id, linked_document_id) DO NOTHING",
            new { documentId, linked, role, now = c.ReceivedAt }, c.Transaction, cancellationToken: ct));
}
