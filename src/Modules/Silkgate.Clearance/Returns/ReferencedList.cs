using System.Text.Json;
using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Returns;

/// <summary>The list a cancellation, return or tally refers to.</summary>
internal sealed record ReferencedList(long Id, DocumentStatus Status, long? ReleasedAt, IReadOnlyList<LineFacts> Lines, string? InvtNo);

internal static class ReferencedLists
{
    /// <summary>By the customs list number, or (import documents carry both) by platform + order number.</summary>
    public static async Task<ReferencedList?> FindAsync(IngestContext c, IncomingDocument doc, CancellationToken ct)
    {
        var direction = DocumentKeys.DirectionCode(doc.Direction);
        var f = doc.Facts;
        var row = f.InvtNo is null ? null : await QueryAsync(c, "invt_no = @invt", new { invt = f.InvtNo, direction }, ct);
        if (row is null && f.EbpCode is not null && f.OrderNo is not null)
        {
            // Only a list whose customs number the platform has not learnt yet: a list numbered otherwise is not the one named.
            row = await QueryAsync(c, "business_key = @key AND (invt_no IS NULL OR @invt IS NULL)", new { key = DocumentKeys.Join(f.EbpCode, f.OrderNo), invt = f.InvtNo, direction }, ct);
        }

        if (row is null && doc.Kind == CebDocumentKind.ReturnTally && f.LogisticsNo is not null)
        {
            // A tally names the returned parcel; its return names the list.
            var listId = await c.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT l.linked_document_id FROM clearance_documents r JOIN clearance_document_links l ON l.document_id = r.id AND l.role = 'list' " +
                "WHERE r.kind = @kind AND r.direction = @direction AND r.logistics_no = @no ORDER BY r.id DESC LIMIT 1",
                new { kind = nameof(CebDocumentKind.Return), direction, no = f.LogisticsNo }, c.Transaction, cancellationToken: ct));
            row = listId is null ? null : await QueryAsync(c, "id = @id", new { id = listId, direction }, ct);
        }

        return row;
    }

    private static async Task<ReferencedList?> QueryAsync(IngestContext c, string where, object args, CancellationToken ct)
    {
        var p = new DynamicParameters(args);
        p.Add("kind", nameof(CebDocumentKind.DeclarationList));
        var r = await c.Connection.QueryFirstOrDefaultAsync<(long Id, string Status, long? ReleasedAt, string Facts, string? InvtNo)>(new CommandDefinition(
            $"SELECT id, status, released_at, facts, invt_no FROM clearance_documents WHERE kind = @kind AND direction = @direction AND {where} ORDER BY id DESC",
            p, c.Transaction, cancellationToken: ct));
        if (r.Id == 0)
        {
            return null;
        }

        var facts = JsonSerializer.Deserialize<DocumentFacts>(r.Facts);
        return new ReferencedList(r.Id, Enum.Parse<DocumentStatus>(r.Status), r.ReleasedAt, facts?.Lines ?? [], r.InvtNo);
    }

    /// <summary>Whether another live cancellation or return (declared, not rejected) already refers to the list.</summary>
    public static async Task<bool> HasPendingAsync(IngestContext c, long listId, CebDocumentKind kind, string ownGuid, CancellationToken ct) =>
        await c.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM clearance_document_links l JOIN clearance_documents d ON d.id = l.document_id " +
            "WHERE l.linked_document_id = @listId AND l.role = 'list' AND d.kind = @kind AND d.document_guid <> @ownGuid AND d.status NOT IN ('Saved', 'Rejected', 'ProcessingError', 'Deleted')",
            new { listId, kind = kind.ToString(), ownGuid }, c.Transaction, cancellationToken: ct)) > 0;
}
