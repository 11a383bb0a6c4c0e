using Dapper;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Customs.Exchange;

/// <summary>The exchange page's SQL over <c>clearance_customs_queue</c> and <c>clearance_customs_receipts</c>; <c>zone</c> null = the whole province.</summary>
internal sealed class CustomsExchangeQueries(Database database, TimeProvider time)
{
    private const string InZone = "(@zone IS NULL OR zone_code = @zone)";

    public async Task<(long Pending, long Deferred, long Sent, long Failed, long? LastSentAt, long? LastReceivedAt, IReadOnlyList<CustomsQueueProblem> Problems)>
        OverviewAsync(string? zone, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var counts = (await connection.QueryAsync<(string State, long Deferred, long Count)>(new CommandDefinition(
            $"SELECT state, CASE WHEN last_error IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM clearance_customs_queue WHERE {InZone} " +
            "GROUP BY state, CASE WHEN last_error IS NULL THEN 0 ELSE 1 END", new { zone }, cancellationToken: ct))).ToList();
        var lastSent = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT MAX(sent_at) FROM clearance_customs_queue WHERE {InZone}", new { zone }, cancellationToken: ct));
        var lastReceived = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(received_at) FROM clearance_customs_receipts", cancellationToken: ct));
        var problems = (await connection.QueryAsync<CustomsQueueProblem>(new CommandDefinition(
            "SELECT id AS Id, document_id AS DocumentId, enterprise_id AS EnterpriseId, zone_code AS ZoneCode, message_type AS MessageType, " +
            "message_guid AS MessageGuid, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, " +
            $"enqueued_at AS EnqueuedAt FROM clearance_customs_queue WHERE {InZone} AND (state = 'Failed' OR (state = 'Pending' AND last_error IS NOT NULL)) " +
            "ORDER BY id DESC LIMIT 200", new { zone }, cancellationToken: ct))).ToList();
        long Count(string state, long? deferred = null) => counts.Where(c => c.State == state && (deferred is null || c.Deferred == deferred)).Sum(c => c.Count);
        return (Count("Pending"), Count("Pending", 1), Count("Sent"), Count("Failed"), lastSent, lastReceived, problems);
    }

    public async Task<string?> ZoneOfAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string? Zone)>(new CommandDefinition(
            "SELECT id, zone_code FROM clearance_customs_queue WHERE id = @id AND state <> 'Sent'", new { id }, cancellationToken: ct));
        return rows.Select(r => r.Zone ?? string.Empty).FirstOrDefault();
    }

    /// <summary>Makes the entry (failed, or pending in back-off) due now; true when there was one to retry.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_customs_queue SET state = 'Pending', next_attempt_at = @now WHERE id = @id AND state <> 'Sent'",
            new { id, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct)) == 1;
    }

    public async Task<int> RetryAllFailedAsync(string? zone, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE clearance_customs_queue SET state = 'Pending', next_attempt_at = @now WHERE state = 'Failed' AND {InZone}",
            new { zone, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }
}
