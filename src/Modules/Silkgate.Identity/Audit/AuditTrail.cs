using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;

namespace Silkgate.Identity.Audit;

/// <summary>
/// Writes the audit log on a connection of its own (not the unit of work's session), so that an entry survives the
/// rollback of the work it describes, and a refused attempt is on record even when the request fails.
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
        if (session.Transaction is not null && !session.Dialect.IsPostgres)
        {
            // SQLite: this unit of work holds the only write lock; writing now would wait for ourselves.
            writer.WriteLater(row);
            return;
        }

        await writer.WriteAsync(row, ct);
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
