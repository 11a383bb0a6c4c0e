using System.Data.Common;
using Dapper;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// The durable queue towards customs. An entry is written in the caller's transaction, so it exists exactly when the
/// decision to send does; the same document's message (same guid) enqueued twice stays one entry.
/// </summary>
internal sealed class CustomsQueue(CustomsSignal signal, TimeProvider time) : ICustomsQueue
{
    private const string Insert = "INSERT INTO clearance_customs_queue (document_id, enterprise_id, zone_code, message_type, message_guid, message, message_id, " +
        "state, attempts, next_attempt_at, enqueued_at) VALUES ";

    /// <summary>The same document's message enqueued again stays one entry.</summary>
    private const string OncePerGuid = " ON CONFLICT (document_id, message_guid) DO NOTHING";

    public async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, CustomsDispatch dispatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            Insert + "(@DocumentId, @SenderEnterpriseId, (SELECT s.zone_code FROM clearance_documents d JOIN clearance_sales s ON s.id = d.sale_id " +
            "WHERE d.id = @DocumentId), @MessageType, @MessageGuid, @Message, @ReceivedMessageId, 'Pending', 0, @now, @now)" + OncePerGuid,
            new { dispatch.DocumentId, dispatch.SenderEnterpriseId, dispatch.MessageType, dispatch.MessageGuid, dispatch.Message, dispatch.ReceivedMessageId, now },
            transaction, cancellationToken: ct));

        // The caller has not committed yet: the sender may miss the entry on this wake-up and take it on the next poll.
        signal.Notify();
    }

    private static readonly HotSql InsertOne = new(Insert + "($1, $2, $3, $4, $5, $6, $7, 'Pending', 0, $8, $8)" + OncePerGuid);

    public async Task EnqueueSaleAsync(IngestContext c, IReadOnlyList<CustomsDispatch> dispatches, string? zoneCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(dispatches);
        if (dispatches.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var d in dispatches)
        {
            await c.Statement(InsertOne).Add(d.DocumentId).Add(d.SenderEnterpriseId).Add(zoneCode).Add(d.MessageType).Add(d.MessageGuid).Add(d.Message).Add(d.ReceivedMessageId).Add(now)
                .RunAsync(ct);
        }

        signal.Notify();
    }
}
