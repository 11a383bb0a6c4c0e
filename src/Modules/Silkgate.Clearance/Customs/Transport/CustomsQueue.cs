using System.Data.Common;
using Dapper;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// The durable queue towards customs. An entry is written in the caller's transaction, so it exists exactly when the
/// decision to send does; the same guid enqueued twice stays one entry.
/// </summary>
internal sealed class CustomsQueue(CustomsSignal signal, TimeProvider time) : ICustomsQueue
{
    private const string Insert = "INSERT INTO clearance_customs_queue (document_id, enterprise_id, zone_code, message_type, message_guid, message, state, " +
        "attempts, next_attempt_at, enqueued_at) VALUES ";

    /// <summary>The same guid enqueued again stays one entry.</summary>
    private const string OncePerGuid = " ON CONFLICT (message_guid) DO NOTHING";

    public async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, CustomsDispatch dispatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            Insert + "(@DocumentId, @SenderEnterpriseId, (SELECT s.zone_code FROM clearance_documents d JOIN clearance_sales s ON s.id = d.sale_id " +
            "WHERE d.id = @DocumentId), @MessageType, @MessageGuid, @Message, 'Pending', 0, @now, @now)" + OncePerGuid,
            new { dispatch.DocumentId, dispatch.SenderEnterpriseId, dispatch.MessageType, dispatch.MessageGuid, dispatch.Message, now },
            transaction, cancellationToken: ct));

        // The caller has not committed yet: the sender may miss the entry on this wake-up and take it on the next poll.
        signal.Notify();
    }

    public async Task EnqueueSaleAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CustomsDispatch> dispatches, string? zoneCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dispatches);
        if (dispatches.Count == 0)
        {
            return;
        }

        var p = new DynamicParameters();
        p.Add("now", time.GetUtcNow().ToUnixTimeMilliseconds());
        p.Add("zone", zoneCode);
        var rows = new string[dispatches.Count];
        for (var i = 0; i < dispatches.Count; i++)
        {
            var d = dispatches[i];
            rows[i] = $"(@d{i}, @e{i}, @zone, @t{i}, @g{i}, @m{i}, 'Pending', 0, @now, @now)";
            p.Add($"d{i}", d.DocumentId);
            p.Add($"e{i}", d.SenderEnterpriseId);
            p.Add($"t{i}", d.MessageType);
            p.Add($"g{i}", d.MessageGuid);
            p.Add($"m{i}", d.Message);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            Insert + string.Join(", ", rows) + OncePerGuid,
            p, transaction, cancellationToken: ct));
        signal.Notify();
    }
}
