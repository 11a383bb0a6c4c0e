using Microsoft.Extensions.Options;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>An enterprise opened by an actor who may see it.</summary>
internal sealed record OpenedEnterprise(Actor Actor, OwnEnterprise Own, EnterpriseDetails Enterprise);

/// <summary>
/// The one way handlers reach a registration: the current actor, the enterprise they belong to, and the
/// visibility check that answers 404 to anyone who may not see it (auditing the refused attempt).
/// </summary>
internal sealed class EnterpriseGate(IActorContext actors, EnterpriseStore store, HistoryStore members, IOptions<PlatformOptions> options, IAuditTrail audit, TimeProvider time)
{
    public Actor? Actor => actors.Current;

    public string Province => options.Value.ProvinceCode;

    public long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public static Problem SignInRequired => Problem.Forbidden("Sign in first.");

    public async Task<OwnEnterprise> OwnAsync(Actor actor, CancellationToken ct)
    {
        switch (actor.Role)
        {
            case Role.EnterpriseAdmin:
                return new OwnEnterprise(actor.EnterpriseId, actor.EnterpriseId is not null);
            case Role.EnterpriseUser:
                return new OwnEnterprise(actor.EnterpriseId, false);
            case Role.Applicant:
                // An applicant's sign-in predates the registration, so the membership table is the truth.
                var m = await members.FindMembershipAsync(actor.UserId, ct);
                return m is { } found ? new OwnEnterprise(found.EnterpriseId, found.IsAdmin) : default;
            default:
                return default;
        }
    }

    /// <summary>Loads the enterprise if the actor may see it; otherwise 404, recorded as a denied <paramref name="action"/>.</summary>
    public async Task<Result<OpenedEnterprise>> OpenAsync(long id, string action, CancellationToken ct)
    {
        if (Actor is not { } actor)
        {
            return SignInRequired;
        }

        var own = await OwnAsync(actor, ct);
        var e = await store.LoadAsync(Province, id, ct);
        if (e is null || !EnterpriseAccess.MayView(actor, own.Id, e.Id, e.ZoneCode, e.Status))
        {
            await AuditAsync(action, id, AuditOutcome.Denied, e is null ? "not found" : "outside the actor's remit", ct);
            return Problem.NotFound($"Enterprise {id}");
        }

        return new OpenedEnterprise(actor, own, e);
    }

    public Task AuditAsync(string action, long? id, AuditOutcome outcome, string? detail, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry($"registry.enterprise.{action}", id is null ? null : $"enterprise:{id}", outcome, detail), ct);

    public static Problem NotAdministered(string zoneCode) =>
        new(ErrorKind.Forbidden, "zone.not-administered", $"You do not administer zone '{zoneCode}'.", "zoneCode");
}
