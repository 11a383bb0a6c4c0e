using System.Data.Common;
using Dapper;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>The sender's statements on <c>clearance_customs_queue</c>.</summary>
internal static class CustomsQueueStore
{
    /// <summary>An entry that refers to the message as received takes its bytes from the evidence store.</summary>
    private const string EntryColumns = "q.id AS Id, q.document_id AS DocumentId, q.enterprise_id AS EnterpriseId, q.message_type AS MessageType, " +
        "q.message_guid AS MessageGuid, COALESCE(q.message, m.raw) AS Message, q.attempts AS Attempts";

    public static async Task<IReadOnlyList<CustomsQueueEntry>> DueAsync(DbConnection connection, long now, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<CustomsQueueEntry>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM clearance_customs_queue q LEFT JOIN clearance_messages m ON m.id = q.message_id " +
            "WHERE q.state = 'Pending' AND q.next_attempt_at <= @now ORDER BY q.next_attempt_at, q.id LIMIT @limit",
            new { now, limit }, cancellationToken: ct))).ToList();

    /// <summary>Reserves a due entry for this node until <paramref name="leaseUntil"/>; false when another node took it first.</summary>
    public static async Task<bool> ClaimAsync(DbConnection connection, long id, long now, long leaseUntil, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_customs_queue SET next_attempt_at = @leaseUntil WHERE id = @id AND state = 'Pending' AND next_attempt_at <= @now",
            new { id, now, leaseUntil }, cancellationToken: ct)) == 1;

    public static Task MarkSentAsync(DbConnection connection, DbTransaction transaction, long id, long now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_customs_queue SET state = 'Sent', attempts = attempts + 1, sent_at = @now, last_error = NULL WHERE id = @id",
            new { id, now }, transaction, cancellationToken: ct));

    public static Task DeferAsync(DbConnection connection, long id, long nextAttemptAt, string error, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_customs_queue SET attempts = attempts + 1, next_attempt_at = @nextAttemptAt, last_error = @error WHERE id = @id AND state = 'Pending'",
            new { id, nextAttemptAt, error = Truncate(error) }, cancellationToken: ct));

    public static Task FailAsync(DbConnection connection, long id, string error, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_customs_queue SET state = 'Failed', attempts = attempts + 1, last_error = @error WHERE id = @id AND state = 'Pending'",
            new { id, error = Truncate(error) }, cancellationToken: ct));

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
