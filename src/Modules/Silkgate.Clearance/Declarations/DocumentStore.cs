using System.Data.Common;
using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Matching;

namespace Silkgate.Clearance.Declarations;

/// <summary>Reads and writes <c>clearance_documents</c> and <c>clearance_document_versions</c> inside the ingest transaction.</summary>
internal static class DocumentStore
{
    private const string Columns = "kind, direction, message_type, document_guid, business_key, ebp_code, ebc_code, order_no, logistics_code, logistics_no, " +
        "cop_no, invt_no, sender_enterprise_id, message_id, app_type, app_status, app_time, status, version, trade_mode, order_type, currency, " +
        "amount_units, buyer_key, buyer_id_masked, facts, received_at, created_at, updated_at, sale_id";

    /// <summary>The key lookup every document starts with (its plan is checked by the tests).</summary>
    internal static readonly HotSql FindSql = new(
        "SELECT id, status, app_time, version, sale_id FROM clearance_documents WHERE direction = $1 AND kind = $2 AND business_key = $3");

    public static async Task<StoredDocumentState?> FindAsync(IngestContext c, CebDirection direction, CebDocumentKind kind, string businessKey, CancellationToken ct)
    {
        await using var rows = await c.Statement(FindSql).Add(DocumentKeys.DirectionCode(direction)).Add(kind.ToString()).Add(businessKey).QueryAsync(ct);
        return await rows.ReadAsync(ct)
            ? new StoredDocumentState(rows.Int64(0), Enum.Parse<DocumentStatus>(rows.Text(1)), rows.Text(2), rows.Int64(3), rows.Int64OrNull(4))
            : null;
    }

    // The values of a document's row, in the order BindDocument binds them ($30 is the id where a statement has one; the
    // update leaves the key, $1, $2 and $5, as it is).
    private const string InsertValues = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, " +
        "$27, $28, $28, $29";

    private static readonly HotSql Insert = new($"INSERT INTO clearance_documents ({Columns}) VALUES ({InsertValues}) RETURNING id");

    private static readonly HotSql InsertWithId = new($"INSERT INTO clearance_documents (id, {Columns}) VALUES ($30, {InsertValues})");

    private static readonly HotSql Replace = new(
        "UPDATE clearance_documents SET message_type = $3, document_guid = $4, ebp_code = $6, ebc_code = $7, order_no = $8, logistics_code = $9, " +
        "logistics_no = $10, cop_no = $11, invt_no = $12, sender_enterprise_id = $13, message_id = $14, app_type = $15, app_status = $16, app_time = $17, " +
        "status = $18, version = $19, trade_mode = $20, order_type = $21, currency = $22, amount_units = $23, buyer_key = $24, buyer_id_masked = $25, " +
        "facts = $26, received_at = $27, updated_at = $28, sale_id = $29, customs_status = NULL, customs_status_time = NULL, customs_info = NULL " +
        "WHERE id = $30");

    /// <summary>The first version, already joined to its sale (<paramref name="saleId"/>, null when it has none yet).</summary>
    public static async Task<long> InsertAsync(IngestContext c, IncomingDocument doc, DocumentStatus status, long? saleId, long now, CancellationToken ct)
    {
        if (c.DocumentIds?.TryTake(out var id) == true)
        {
            await BindDocument(c.Statement(InsertWithId), c, doc, status, 1, saleId, now).Add(id).RunAsync(ct);
            return id;
        }

        return await BindDocument(c.Statement(Insert), c, doc, status, 1, saleId, now).ScalarInt64Async(ct);
    }

    public static async Task ReplaceAsync(IngestContext c, long id, IncomingDocument doc, DocumentStatus status, long version, long? saleId, long now, CancellationToken ct) =>
        await BindDocument(c.Statement(Replace), c, doc, status, version, saleId, now).Add(id).RunAsync(ct);

    /// <summary>appType 3: keeps the facts of the last version for the timeline, records who deleted it and when.</summary>
    public static Task MarkDeletedAsync(IngestContext c, long id, IncomingDocument doc, long version, long? saleId, long now, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_documents SET status = @Status, app_type = @AppType, app_status = @AppStatus, app_time = @AppTime, document_guid = @Guid, " +
            "message_id = @MessageId, sender_enterprise_id = @Sender, version = @version, received_at = @ReceivedAt, updated_at = @now, sale_id = @saleId WHERE id = @id",
            new { id, Status = nameof(DocumentStatus.Deleted), AppType = (long)doc.AppType, AppStatus = (long)doc.AppStatus, doc.AppTime, Guid = doc.DocumentGuid,
                c.MessageId, Sender = c.SenderEnterpriseId, version, c.ReceivedAt, now, saleId }, c.Transaction, cancellationToken: ct));

    private static readonly HotSql InsertVersion = new(
        "INSERT INTO clearance_document_versions (document_id, version, message_id, message_type, document_guid, app_type, app_status, app_time, status, " +
        "sender_enterprise_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)");

    public static async Task AddVersionAsync(IngestContext c, long documentId, long version, IncomingDocument doc, DocumentStatus status, CancellationToken ct) =>
        await c.Statement(InsertVersion).Add(documentId).Add(version).Add(c.MessageId).Add((long)doc.Type.Code).Add(doc.DocumentGuid).Add((long)doc.AppType)
            .Add((long)doc.AppStatus).Add(doc.AppTime).Add(status.ToString()).Add(c.SenderEnterpriseId).Add(c.ReceivedAt).RunAsync(ct);

    private static readonly HotSql AttachWaybill = new(
        $"UPDATE clearance_documents SET sale_id = $1 WHERE direction = $2 AND kind = '{nameof(CebDocumentKind.Waybill)}' AND business_key = $3");

    private static readonly HotSql DetachWaybills = new($"UPDATE clearance_documents SET sale_id = NULL WHERE sale_id = $1 AND kind = '{nameof(CebDocumentKind.Waybill)}'");

    /// <summary>Joins the waybill with this key (if it has arrived) to the sale whose list names it.</summary>
    public static async Task AttachWaybillAsync(IngestContext c, CebDirection direction, string waybillKey, long saleId, CancellationToken ct) =>
        await c.Statement(AttachWaybill).Add(saleId).Add(DocumentKeys.DirectionCode(direction)).Add(waybillKey).RunAsync(ct);

    /// <summary>Unlinks the waybills of a sale (its list now names another logistics number).</summary>
    public static async Task DetachWaybillsAsync(IngestContext c, long saleId, CancellationToken ct) => await c.Statement(DetachWaybills).Add(saleId).RunAsync(ct);

    private static readonly HotSql SaleDocuments = new("SELECT id, kind, status, facts FROM clearance_documents WHERE sale_id = $1 AND id <> $2 ORDER BY id");

    /// <summary>The documents of a sale but <paramref name="exceptId"/>, the one being written, whose facts the caller has.</summary>
    public static async Task<IReadOnlyList<SaleDocument>> LoadSaleAsync(IngestContext c, long saleId, long exceptId, CancellationToken ct)
    {
        var documents = new List<SaleDocument>(4);
        await using var rows = await c.Statement(SaleDocuments).Add(saleId).Add(exceptId).QueryAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            documents.Add(new SaleDocument(rows.Int64(0), Enum.Parse<CebDocumentKind>(rows.Text(1)), Enum.Parse<DocumentStatus>(rows.Text(2)),
                DocumentFacts.FromJson(rows.Text(3))));
        }

        return documents;
    }

    /// <summary>Handed to customs: from now on the document can no longer be changed or deleted. Only a declared document
    /// moves, so a late call never moves a status customs' receipts already set backwards.</summary>
    public static Task MarkSentToCustomsAsync(DbConnection connection, DbTransaction? transaction, long documentId, long now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE clearance_documents SET status = @s, updated_at = @now WHERE id = @documentId AND status = @declared",
            new { documentId, s = nameof(DocumentStatus.SentToCustoms), declared = nameof(DocumentStatus.Declared), now }, transaction, cancellationToken: ct));

    private static readonly HotSql SaleSentToCustoms = new(
        $"UPDATE clearance_documents SET status = '{nameof(DocumentStatus.SentToCustoms)}', updated_at = $2 WHERE sale_id = $1 AND status = '{nameof(DocumentStatus.Declared)}'");

    /// <summary>Every declared document of a sale at once (all of them went to the customs queue).</summary>
    public static async Task MarkSaleSentToCustomsAsync(IngestContext c, long saleId, CancellationToken ct) =>
        await c.Statement(SaleSentToCustoms).Add(saleId).Add(c.ReceivedAt).RunAsync(ct);

    private static HotStatement BindDocument(HotStatement s, IngestContext c, IncomingDocument doc, DocumentStatus status, long version, long? saleId, long now)
    {
        var f = doc.Facts;
        return s.Add(doc.Kind.ToString()).Add(DocumentKeys.DirectionCode(doc.Direction)).Add((long)doc.Type.Code).Add(doc.DocumentGuid).Add(doc.BusinessKey)
            .Add(f.EbpCode).Add(f.EbcCode).Add(f.OrderNo).Add(f.LogisticsCode).Add(f.LogisticsNo).Add(f.CopNo).Add(f.InvtNo).Add(c.SenderEnterpriseId)
            .Add(c.MessageId).Add((long)doc.AppType).Add((long)doc.AppStatus).Add(doc.AppTime).Add(status.ToString()).Add(version).Add(f.TradeMode)
            .Add(f.OrderType).Add(f.Currency).Add(f.HeadlineAmount(doc.Kind)).Add(f.Buyer?.IdNumber?.Hash).Add(f.Buyer?.IdNumber?.Masked).Add(doc.FactsJson)
            .Add(c.ReceivedAt).Add(now).Add(saleId);
    }
}
