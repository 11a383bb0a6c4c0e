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
    internal const string FindSql = "SELECT id, status, app_time, version, sale_id FROM clearance_documents WHERE direction = @d AND kind = @k AND business_key = @businessKey";

    public static async Task<StoredDocumentState?> FindAsync(IngestContext c, CebDirection direction, CebDocumentKind kind, string businessKey, CancellationToken ct)
    {
        var rows = await c.Connection.QueryAsync<(long Id, string Status, string AppTime, long Version, long? SaleId)>(new CommandDefinition(
            FindSql,
            new { d = DocumentKeys.DirectionCode(direction), k = kind.ToString(), businessKey }, c.Transaction, cancellationToken: ct));
        return rows.Select(r => new StoredDocumentState(r.Id, Enum.Parse<DocumentStatus>(r.Status), r.AppTime, r.Version, r.SaleId)).FirstOrDefault();
    }

    private const string InsertValues = "@Kind, @Direction, @MessageType, @DocumentGuid, @BusinessKey, @EbpCode, @EbcCode, @OrderNo, " +
        "@LogisticsCode, @LogisticsNo, @CopNo, @InvtNo, @Sender, @MessageId, @AppType, @AppStatus, @AppTime, @Status, 1, @TradeMode, @OrderType, @Currency, " +
        "@AmountUnits, @BuyerKey, @BuyerIdMasked, @Facts, @ReceivedAt, @Now, @Now, @SaleId";

    /// <summary>The first version, already joined to its sale (<paramref name="saleId"/>, null when it has none yet).</summary>
    public static async Task<long> InsertAsync(IngestContext c, IncomingDocument doc, DocumentStatus status, long? saleId, long now, CancellationToken ct)
    {
        var p = Parameters(c, doc, status, 1, saleId, now);
        if (c.DocumentIds?.TryTake(out var id) == true)
        {
            p.Add("Id", id);
            await c.Writes.ExecuteAsync(new CommandDefinition($"INSERT INTO clearance_documents (id, {Columns}) VALUES (@Id, {InsertValues})", p, c.Transaction,
                cancellationToken: ct));
            return id;
        }

        return await c.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"INSERT INTO clearance_documents ({Columns}) VALUES ({InsertValues}) RETURNING id", p, c.Transaction, cancellationToken: ct));
    }

    public static Task ReplaceAsync(IngestContext c, long id, IncomingDocument doc, DocumentStatus status, long version, long? saleId, long now, CancellationToken ct)
    {
        var p = Parameters(c, doc, status, version, saleId, now);
        p.Add("Id", id);
        return c.Writes.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_documents SET message_type = @MessageType, document_guid = @DocumentGuid, ebp_code = @EbpCode, ebc_code = @EbcCode, " +
            "order_no = @OrderNo, logistics_code = @LogisticsCode, logistics_no = @LogisticsNo, cop_no = @CopNo, invt_no = @InvtNo, " +
            "sender_enterprise_id = @Sender, message_id = @MessageId, app_type = @AppType, app_status = @AppStatus, app_time = @AppTime, status = @Status, " +
            "version = @Version, trade_mode = @TradeMode, order_type = @OrderType, currency = @Currency, amount_units = @AmountUnits, buyer_key = @BuyerKey, " +
            "buyer_id_masked = @BuyerIdMasked, facts = @Facts, received_at = @ReceivedAt, updated_at = @Now, sale_id = @SaleId, " +
            "customs_status = NULL, customs_status_time = NULL, customs_info = NULL WHERE id = @Id",
            p, c.Transaction, cancellationToken: ct));
    }

    /// <summary>appType 3: keeps the facts of the last version for the timeline, records who deleted it and when.</summary>
    public static Task MarkDeletedAsync(IngestContext c, long id, IncomingDocument doc, long version, long? saleId, long now, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_documents SET status = @Status, app_type = @AppType, app_status = @AppStatus, app_time = @AppTime, document_guid = @Guid, " +
            "message_id = @MessageId, sender_enterprise_id = @Sender, version = @version, received_at = @ReceivedAt, updated_at = @now, sale_id = @saleId WHERE id = @id",
            new { id, Status = nameof(DocumentStatus.Deleted), AppType = (long)doc.AppType, AppStatus = (long)doc.AppStatus, doc.AppTime, Guid = doc.DocumentGuid,
                c.MessageId, Sender = c.SenderEnterpriseId, version, c.ReceivedAt, now, saleId }, c.Transaction, cancellationToken: ct));

    public static Task AddVersionAsync(IngestContext c, long documentId, long version, IncomingDocument doc, DocumentStatus status, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "INSERT INTO clearance_document_versions (document_id, version, message_id, message_type, document_guid, app_type, app_status, app_time, status, " +
            "sender_enterprise_id, received_at) VALUES (@documentId, @version, @MessageId, @Type, @Guid, @AppType, @AppStatus, @AppTime, @Status, @Sender, @ReceivedAt)",
            new { documentId, version, c.MessageId, Type = (long)doc.Type.Code, Guid = doc.DocumentGuid, AppType = (long)doc.AppType, AppStatus = (long)doc.AppStatus,
                doc.AppTime, Status = status.ToString(), Sender = c.SenderEnterpriseId, c.ReceivedAt }, c.Transaction, cancellationToken: ct));

    /// <summary>Joins the waybill with this key (if it has arrived) to the sale whose list names it.</summary>
    public static Task AttachWaybillAsync(IngestContext c, CebDirection direction, string waybillKey, long saleId, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_documents SET sale_id = @saleId WHERE direction = @d AND kind = @k AND business_key = @waybillKey",
            new { saleId, d = DocumentKeys.DirectionCode(direction), k = nameof(CebDocumentKind.Waybill), waybillKey }, c.Transaction, cancellationToken: ct));

    /// <summary>Unlinks the waybills of a sale (its list now names another logistics number).</summary>
    public static Task DetachWaybillsAsync(IngestContext c, long saleId, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition("UPDATE clearance_documents SET sale_id = NULL WHERE sale_id = @saleId AND kind = @k",
            new { saleId, k = nameof(CebDocumentKind.Waybill) }, c.Transaction, cancellationToken: ct));

    /// <summary>The documents of a sale but <paramref name="exceptId"/>, the one being written, whose facts the caller has.</summary>
    public static async Task<IReadOnlyList<SaleDocument>> LoadSaleAsync(IngestContext c, long saleId, long exceptId, CancellationToken ct)
    {
        var rows = await c.Connection.QueryAsync<(long Id, string Kind, string Status, string Facts)>(new CommandDefinition(
            "SELECT id, kind, status, facts FROM clearance_documents WHERE sale_id = @saleId AND id <> @exceptId ORDER BY id",
            new { saleId, exceptId }, c.Transaction, cancellationToken: ct));
        return rows.Select(r => new SaleDocument(r.Id, Enum.Parse<CebDocumentKind>(r.Kind), Enum.Parse<DocumentStatus>(r.Status),
            DocumentFacts.FromJson(r.Facts))).ToList();
    }

    /// <summary>Handed to customs: from now on the document can no longer be changed or deleted. Only a declared document
    /// moves, so a late call never moves a status customs' receipts already set backwards.</summary>
    public static Task MarkSentToCustomsAsync(DbConnection connection, DbTransaction? transaction, long documentId, long now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE clearance_documents SET status = @s, updated_at = @now WHERE id = @documentId AND status = @declared",
            new { documentId, s = nameof(DocumentStatus.SentToCustoms), declared = nameof(DocumentStatus.Declared), now }, transaction, cancellationToken: ct));

    /// <summary>Every declared document of a sale at once (all of them went to the customs queue).</summary>
    public static Task MarkSaleSentToCustomsAsync(DbConnection connection, DbTransaction transaction, long saleId, long now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE clearance_documents SET status = @s, updated_at = @now WHERE sale_id = @saleId AND status = @declared",
            new { saleId, s = nameof(DocumentStatus.SentToCustoms), declared = nameof(DocumentStatus.Declared), now }, transaction, cancellationToken: ct));

    private static DynamicParameters Parameters(IngestContext c, IncomingDocument doc, DocumentStatus status, long version, long? saleId, long now)
    {
        var f = doc.Facts;
        var p = new DynamicParameters();
        p.AddDynamicParams(new
        {
            Kind = doc.Kind.ToString(), Direction = DocumentKeys.DirectionCode(doc.Direction), MessageType = (long)doc.Type.Code, doc.DocumentGuid, doc.BusinessKey,
            f.EbpCode, f.EbcCode, f.OrderNo, f.LogisticsCode, f.LogisticsNo, f.CopNo, f.InvtNo, Sender = c.SenderEnterpriseId, c.MessageId,
            AppType = (long)doc.AppType, AppStatus = (long)doc.AppStatus, doc.AppTime, Status = status.ToString(), Version = version, f.TradeMode, f.OrderType,
            f.Currency, AmountUnits = f.HeadlineAmount(doc.Kind), BuyerKey = f.Buyer?.IdNumber?.Hash, BuyerIdMasked = f.Buyer?.IdNumber?.Masked,
            Facts = doc.FactsJson, c.ReceivedAt, Now = now, SaleId = saleId,
        });
        return p;
    }
}
