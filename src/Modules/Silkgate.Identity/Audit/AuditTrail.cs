using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;

namespace Silkgate.Identity.Audit;

/// <summary>
/// Writes the audit log on a connection of its own (not the unit of work's session), so that an entry survives the
/// rollback of the work it describes, and a refused attempt is on record even when the request fails. The exception
/// is SQLite inside an open write transaction (see <see cref="RecordAsync(AuditEntry, Actor?, CancellationToken)"/>).
/// </summary>
internal sealed class AuditTrail(AuditWriter writer, DbSession session, IActorContext actors, TimeProvider time) : IAuditTrail
{
    public Task RecordAsync(AuditEntry entry, CancellationToken ct) => RecordAsync(entry, actors.Current, ct);

    /// <summary>Records an entry for an actor other than the current one (e.g. the person who is signing in).</summary>
    public async Task RecordAsync(AuditEntry entry, Actor? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new AuditRow(
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            actor?.UserId,
            Truncate(actor?.Name, 200),
            actor?.Role.ToString(),
            actor?.ZoneCode,
            actor?.EnterpriseId,
            actor?.ApiKeyId,
            Truncate(actors.ClientAddress, 100),
            Truncate(entry.Action, 200)!,
            Truncate(entry.Subject, 500),
            entry.Outcome.ToString(),
            Truncate(entry.Detail, 2000));
        if (session.Transaction is { } transaction && !session.Dialect.IsPostgres)
        {
            // SQLite has one writer and this unit of work holds it, so another connection would wait for ourselves.
            // Written in the same transaction instead: durable together with the work it describes; should that work
            // roll back, the entry is written again on its own connection right after the rollback.
            await AuditWriter.WriteAsync(row, transaction, ct);
            session.OnRollback(() => writer.WriteAfterRollbackAsync(row));
            return;
        }

        await writer.WriteAsync(row, ct);
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
