using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Matching;

/// <summary>
/// PostgreSQL, a message of one document that joins its sale by order: what the processor reads for it, in one round
/// trip instead of three (the document's stored state, the sale's upsert, the sale's other documents). The sale is
/// locked as the upsert locked it; when it does not exist yet, the processor creates it with a reserved id in a
/// queued insert (the chain lock makes the writer the only one that creates sales).
/// </summary>
internal sealed record SalePrefetch(StoredDocumentState? Stored, SaleRow? Sale, IReadOnlyList<SaleDocument> SaleDocuments)
{
    // One statement, three kinds of rows (part 0: the sale, 1: the document's stored state, 2: the sale's documents),
    // so that it runs as one reading statement of the writer's pipeline. Columns are shared by position.
    internal static readonly HotSql Sql = new(
        "WITH s AS (SELECT id, direction, ebp_code, order_no, state, warned, logistics_code, logistics_no, waiting_since_at, matched_at, mismatch_count, " +
        "zone_code FROM clearance_sales WHERE direction = $1 AND ebp_code = $2 AND order_no = $3 FOR UPDATE) " +
        "SELECT CAST(0 AS BIGINT) AS part, id, direction, ebp_code, order_no, state, warned, logistics_code, logistics_no, waiting_since_at, matched_at, " +
        "mismatch_count, zone_code FROM s " +
        "UNION ALL SELECT 1, id, status, app_time, NULL, NULL, version, NULL, NULL, sale_id, NULL, NULL, NULL FROM clearance_documents " +
        "WHERE direction = $1 AND kind = $4 AND business_key = $5 " +
        "UNION ALL SELECT 2, d.id, d.kind, d.status, d.facts, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM clearance_documents d " +
        "JOIN s ON d.sale_id = s.id " +
        "ORDER BY 1, 2");

    /// <summary>Whether <paramref name="doc"/>, the only document of its message, can be read this way.</summary>
    public static bool Applies(IncomingDocument doc) => doc.TakesPartInMatching && doc.JoinsByOrder && doc.Facts.EbpCode is not null && doc.Facts.OrderNo is not null;

    public static async Task<SalePrefetch> LoadAsync(IngestContext c, IncomingDocument doc, CancellationToken ct)
    {
        StoredDocumentState? stored = null;
        SaleRow? sale = null;
        var documents = new List<SaleDocument>(4);
        await using var r = await c.Statement(Sql).Add(DocumentKeys.DirectionCode(doc.Direction)).Add(doc.Facts.EbpCode).Add(doc.Facts.OrderNo)
            .Add(doc.Kind.ToString()).Add(doc.BusinessKey).QueryAsync(ct);
        while (await r.ReadAsync(ct))
        {
            switch (r.Int64(0))
            {
                case 0:
                    sale = new SaleRow(r.Int64(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int64(6), r.TextOrNull(7), r.TextOrNull(8), r.Int64OrNull(9),
                        r.Int64OrNull(10), r.Int64(11), r.TextOrNull(12));
                    break;
                case 1:
                    stored = new StoredDocumentState(r.Int64(1), Enum.Parse<DocumentStatus>(r.Text(2)), r.Text(3), r.Int64(6), r.Int64OrNull(9));
                    break;
                default:
                    documents.Add(new SaleDocument(r.Int64(1), Enum.Parse<CebDocumentKind>(r.Text(2)), Enum.Parse<DocumentStatus>(r.Text(3)),
                        DocumentFacts.FromJson(r.Text(4))));
                    break;
            }
        }

        return new SalePrefetch(stored, sale, documents);
    }
}
