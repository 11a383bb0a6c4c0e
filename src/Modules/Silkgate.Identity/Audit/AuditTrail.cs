using Dapper;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;

namespace Silkgate.Identity.Audit;

/// <summary>
/// Writes the audit log on a connection of its own (not the unit of work's session), so that an entry survives the
/// rollback of the work it describes, and a refused attempt is on record even when the request fails.
/// </summary>
internal sealed class AuditTrail(Database database, IActorContext actors, TimeProvider time) : IAuditTrail
{
    public Task RecordAsync(AuditEntry entry, CancellationToken ct) => RecordAsync(entry, actors.Current, ct);

    /// <summary>Records an entry for an actor other than the current one (e.g. the person who is signing in).</summary>
    public async Task RecordAsync(AuditEntry entry, Actor? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO identity_audit (at, actor_user_id, actor_name, actor_role, actor_zone, actor_enterprise_id, actor_api_key_id, " +
            "client_address, action, subject, outcome, detail) VALUES (@At, @UserId, @Name, @Role, @Zone, @EnterpriseId, @ApiKeyId, " +
            "@ClientAddress, @Action, @Subject, @Outcome, @Detail)",
            new
            {
                At = time.GetUtcNow().ToUnixTimeMilliseconds(),
                actor?.UserId,
                actor?.Name,
                Role = actor?.Role.ToString(),
                Zone = actor?.ZoneCode,
                actor?.EnterpriseId,
                actor?.ApiKeyId,
                ClientAddress = Truncate(actors.ClientAddress, 100),
                Action = Truncate(entry.Action, 200),
                Subject = Truncate(entry.Subject, 500),
                Outcome = entry.Outcome.ToString(),
                Detail = Truncate(entry.Detail, 2000),
            },
            cancellationToken: ct));
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
