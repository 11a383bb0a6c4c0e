using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;

namespace Silkgate.Clearance.Customs.Certificates;

/// <summary>An enterprise opened for its certificates and keys by an actor who may see it.</summary>
internal sealed record OpenedEnterprise(Actor Actor, EnterpriseSummary Enterprise)
{
    /// <summary>Registering, revoking, depositing and withdrawing are for the enterprise's own admin only.</summary>
    public bool MayManage => Actor.Role == Role.EnterpriseAdmin && Actor.EnterpriseId == Enterprise.Id;
}

/// <summary>
/// Who sees an enterprise's signing certificates and keys: its own members, and the government actors whose remit covers
/// its zone (zone admin, province admin, agency officers). Refusals are 404 and audited as
/// <c>clearance.signing.&lt;action&gt;</c> / Denied; government reads are audited as reads of another party's data.
/// </summary>
internal sealed class SigningAccess(IServiceProvider services, TimeProvider time)
{
    public Actor? Actor => services.GetService<IActorContext>()?.Current;

    public long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Result<OpenedEnterprise>> OpenAsync(long enterpriseId, string action, string subject, CancellationToken ct)
    {
        if (Actor is not { } actor)
        {
            return Problem.Forbidden("Sign in first.");
        }

        var directory = services.GetService<IEnterpriseDirectory>();
        var enterprise = (actor.IsEnterprise && actor.EnterpriseId != enterpriseId) || directory is null
            ? null
            : await directory.FindByIdAsync(enterpriseId, ct);
        if (enterprise is null || !actor.MayRead(enterprise.Id, enterprise.ZoneCode))
        {
            await AuditAsync(action, subject, AuditOutcome.Denied, enterprise is null ? "not found or another enterprise's" : "outside the actor's remit", ct);
            return Problem.NotFound(subject.StartsWith("enterprise:", StringComparison.Ordinal) ? $"Enterprise {enterpriseId}" : subject);
        }

        if (actor.IsGovernment && action.EndsWith(".read", StringComparison.Ordinal))
        {
            await AuditAsync(action, subject, AuditOutcome.Succeeded, null, ct);
        }

        return new OpenedEnterprise(actor, enterprise);
    }

    /// <summary>403 for an actor who sees the enterprise but is not its admin (audited).</summary>
    public async Task<Problem> NotAdminAsync(OpenedEnterprise opened, string action, string subject, CancellationToken ct)
    {
        await AuditAsync(action, subject, AuditOutcome.Denied, $"role {opened.Actor.Role} is not an admin of enterprise {opened.Enterprise.Id}", ct);
        return Problem.Forbidden("Only the enterprise's administrators manage its signing certificates and keys.");
    }

    public async Task AuditAsync(string action, string? subject, AuditOutcome outcome, string? detail, CancellationToken ct)
    {
        if (services.GetService<IAuditTrail>() is { } audit)
        {
            await audit.RecordAsync(new AuditEntry($"clearance.{action}", subject, outcome, detail), ct);
        }
    }
}
