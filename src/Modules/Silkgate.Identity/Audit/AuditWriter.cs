using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Silkgate.Kernel.Data;

namespace Silkgate.Identity.Audit;

/// <summary>
/// Inserts audit rows on connections of its own, or (SQLite, inside the unit of work's write transaction, which holds
/// the only write lock) in that transaction; a row whose transaction rolled back is written again afterwards, at once or,
/// if the database is busy, in the background with retries.
/// At most <see cref="MaxConcurrentWrites"/> inserts run at once: a flood of refused requests (each one audited) queues
/// here instead of opening a connection per request until the database refuses more clients.
/// </summary>
internal sealed partial class AuditWriter(Database database, ILogger<AuditWriter> logger) : IDisposable
{
    private const string Insert =
        "INSERT INTO identity_audit (at, actor_user_id, actor_name, actor_role, actor_zone, actor_enterprise_id, actor_api_key_id, " +
        "client_address, action, subject, outcome, detail) VALUES (@At, @UserId, @Name, @Role, @Zone, @EnterpriseId, @ApiKeyId, " +
        "@ClientAddress, @Action, @Subject, @Outcome, @Detail)";

    internal const int MaxConcurrentWrites = 8;

    private readonly SemaphoreSlim _writers = new(MaxConcurrentWrites);
    private readonly Lock _gate = new();
    private Task _pending = Task.CompletedTask;

    public async Task WriteAsync(AuditRow row, CancellationToken ct)
    {
        await _writers.WaitAsync(ct);
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(Insert, row, cancellationToken: ct));
        }
        finally
        {
            _writers.Release();
        }
    }

    /// <summary>Writes the row in the caller's transaction (SQLite, where that transaction holds the only write lock).</summary>
    public static async Task WriteAsync(AuditRow row, System.Data.Common.DbTransaction transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, row, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// After the rollback of the transaction the row was first written in: now, or in the background if the database is
    /// busy. No cancellation token on purpose: the entry must be written even when the request that failed was cancelled.
    /// </summary>
    public async Task WriteAfterRollbackAsync(AuditRow row)
    {
        try
        {
            await WriteAsync(row, CancellationToken.None);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // Never mask the failure of the work itself (this runs on its way out); keep trying in the background.
            LogRetry(logger, row.Action, 0, e.Message);
            WriteLater(row);
        }
    }

    /// <summary>Writes the row once the database lets it, without making the caller wait.</summary>
    public void WriteLater(AuditRow row)
    {
        lock (_gate)
        {
            _pending = _pending.ContinueWith(_ => WriteWithRetriesAsync(row), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    public void Dispose() => _writers.Dispose();

    /// <summary>Completes when every deferred row is written (tests, shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _pending;
        }
    }

    private async Task WriteWithRetriesAsync(AuditRow row)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(row, CancellationToken.None);
                return;
            }
            catch (SqliteException e) when (attempt < 20)
            {
                LogRetry(logger, row.Action, attempt, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                LogLost(logger, row.Action, row.Subject, row.Outcome, e);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit entry {Action} waits for the database (attempt {Attempt}): {Reason}")]
    private static partial void LogRetry(ILogger logger, string action, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry {Action} {Subject} {Outcome} could not be written")]
    private static partial void LogLost(ILogger logger, string action, string? subject, string outcome, Exception exception);
}

/// <summary>The parameters of one <c>identity_audit</c> insert.</summary>
internal sealed record AuditRow(
    long At,
    long? UserId,
    string? Name,
    string? Role,
    string? Zone,
    long? EnterpriseId,
    long? ApiKeyId,
    string? ClientAddress,
    string Action,
    string? Subject,
    string Outcome,
    string? Detail);
