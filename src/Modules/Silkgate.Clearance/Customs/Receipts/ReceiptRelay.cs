using System.Data;
using Dapper;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>
/// Relays a customs receipt to the enterprise that sent the document: a row of the receipts feed
/// (<c>clearance_receipts</c>, read by <c>GET /api/v1/ceb/receipts</c>) tied to the message that declared it, and an
/// outbox event after which <see cref="OutFolderRelay"/> writes the file to the enterprise's out folder.
/// </summary>
internal static class ReceiptRelay
{
    /// <summary>Internal event: a receipt was added to an enterprise's feed (payload <see cref="ReceiptRelayed"/>).</summary>
    public const string Relayed = "clearance.receipt-relayed";

    public static async Task<long> RelayAsync(IngestContext c, TargetDocument doc, string receiptType, byte[] bytes, long now, CancellationToken ct)
    {
        var messageGuid = await c.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT message_guid FROM clearance_messages WHERE id = @id", new { id = doc.MessageId }, c.Transaction, cancellationToken: ct));
        var p = new DynamicParameters();
        p.Add("enterprise", doc.SenderEnterpriseId);
        p.Add("message", doc.MessageId);
        p.Add("guid", messageGuid);
        p.Add("type", receiptType);
        p.Add("at", now);
        p.Add("bytes", bytes, DbType.Binary);
        var id = await c.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO clearance_receipts (enterprise_id, message_id, message_guid, receipt_type, created_at, receipt_bytes) " +
            "VALUES (@enterprise, @message, @guid, @type, @at, @bytes) RETURNING id", p, c.Transaction, cancellationToken: ct));
        c.Outbox.Add(Relayed, new ReceiptRelayed(id, doc.SenderEnterpriseId, receiptType, doc.DocumentGuid));
        return id;
    }
}

internal sealed record ReceiptRelayed(long ReceiptId, long EnterpriseId, string ReceiptType, string DocumentGuid);
