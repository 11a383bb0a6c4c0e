using Dapper;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>One receipt entity as it concerns one document.</summary>
/// <param name="Numbers">Numbers customs assigned that the entity carries (invtNo, preNo, sumNo, rkdNo).</param>
internal sealed record ReceiptFacts(string ReceiptType, string ReturnStatus, string ReturnTime, string ReturnInfo, byte[] Bytes,
    string? InvtNo = null, string? PreNo = null, string? CustomsNo = null);

/// <summary>
/// Applies one receipt to one document: history row (a redelivered receipt stops here), customs numbers, the status by
/// precedence, what the new status means (buyer ledger, list events, cancellation and return outcomes) and the relay.
/// </summary>
internal sealed class ReceiptApplier(TimeProvider time)
{
    /// <returns>False when the same receipt was applied before (nothing is done again).</returns>
    public async Task<bool> ApplyAsync(IngestContext c, TargetDocument doc, ReceiptFacts r, CancellationToken ct)
    {
        var current = doc.CurrentStatus;
        var next = CustomsStatuses.FromReturnStatus(r.ReturnStatus);
        bool moves = next is { } n && CustomsStatuses.Moves(current, doc.CustomsStatusTime, n, r.ReturnTime);
        var after = moves ? next!.Value : current;
        var historyId = await c.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "INSERT INTO clearance_document_receipts (document_id, receipt_type, return_status, return_time, return_info, status_before, status_after, moved, received_at) " +
            "VALUES (@Id, @type, @status, @rtime, @info, @before, @after, @moved, @now) " +
            "ON CONFLICT (document_id, receipt_type, return_status, return_time) DO NOTHING RETURNING id",
            new { doc.Id, type = r.ReceiptType, status = r.ReturnStatus, rtime = r.ReturnTime, info = r.ReturnInfo, before = current.ToString(), after = after.ToString(),
                moved = moves ? 1L : 0L, now = c.ReceivedAt }, c.Transaction, cancellationToken: ct));
        if (historyId is null)
        {
            return false;
        }

        await c.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_documents SET invt_no = COALESCE(@InvtNo, invt_no), pre_no = COALESCE(@PreNo, pre_no), customs_no = COALESCE(@CustomsNo, customs_no) WHERE id = @Id",
            new { doc.Id, r.InvtNo, r.PreNo, r.CustomsNo }, c.Transaction, cancellationToken: ct));
        if (moves)
        {
            await MoveAsync(c, doc, after, r, ct);
        }

        var relayId = await ReceiptRelay.RelayAsync(c, doc, r.ReceiptType, r.Bytes, time.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        await c.Connection.ExecuteAsync(new CommandDefinition("UPDATE clearance_document_receipts SET relay_id = @relayId WHERE id = @historyId",
            new { relayId, historyId }, c.Transaction, cancellationToken: ct));
        return true;
    }

    private static async Task MoveAsync(IngestContext c, TargetDocument doc, DocumentStatus status, ReceiptFacts r, CancellationToken ct)
    {
        long? code = long.TryParse(r.ReturnStatus, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        await c.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_documents SET status = @status, customs_status = @code, customs_status_time = @ReturnTime, customs_info = @info, " +
            "released_at = CASE WHEN @released = 1 AND released_at IS NULL THEN @now ELSE released_at END, updated_at = @now WHERE id = @Id",
            new { doc.Id, status = status.ToString(), code, r.ReturnTime, info = Refusal.Truncate(r.ReturnInfo), released = status == DocumentStatus.Released ? 1L : 0L,
                now = c.ReceivedAt }, c.Transaction, cancellationToken: ct));
        c.Outbox.Add(CustomsEvents.StatusChanged, new CustomsStatusChanged(doc.Id, doc.Kind, doc.Direction, doc.SaleId, status.ToString(), r.ReturnStatus, r.ReceiptType));
        await ListOutcomes.FollowAsync(c, doc, status, r.ReturnStatus, ct);
    }
}
