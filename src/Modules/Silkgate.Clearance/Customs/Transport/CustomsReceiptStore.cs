using System.Data.Common;
using Dapper;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary><c>clearance_customs_receipts</c>: every answer from customs once, as received.</summary>
internal static class CustomsReceiptStore
{
    /// <summary>Stores the receipt unless its guid is already there; true when this is its first arrival.</summary>
    public static async Task<bool> AddAsync(DbConnection connection, DbTransaction transaction, StoredCustomsReceipt receipt, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO clearance_customs_receipts (receipt_guid, message_type, cop_msg_id, sender_id, received_at, sha256, raw) " +
            "VALUES (@ReceiptGuid, @MessageType, @CopMsgId, @SenderId, @ReceivedAt, @Sha256, @Raw) ON CONFLICT (receipt_guid) DO NOTHING",
            receipt, transaction, cancellationToken: ct)) == 1;
}

internal sealed record StoredCustomsReceipt(string ReceiptGuid, string MessageType, string? CopMsgId, string? SenderId, long ReceivedAt, string Sha256, byte[] Raw);
