using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;

namespace Silkgate.Registry.Features.AuthorizeDeclaringAgents;

/// <summary>An enterprise opened for its authorizations by an actor who may see it.</summary>
internal sealed record OpenedParty(Actor Actor, OwnEnterprise Own, EnterpriseDetails Enterprise)
{
    /// <summary>Grants and revocations are for the principal's own admin only, not for government.</summary>
    public bool MayManage => Own.IsAdmin && Own.Id == Enterprise.Id;
}

/// <summary>
/// Who sees and manages authorizations: whoever may see an enterprise (its members, its zone admins, the province
/// admin, agency officers of its zone when approved) sees the authorizations it is party to; only the principal's
/// admin manages. Refusals are audited as <c>registry.agent-authorization.&lt;action&gt;</c> / Denied.
/// </summary>
internal sealed class AuthorizationAccess(EnterpriseGate gate, EnterpriseStore enterprises, IAuditTrail audit)
{
    public Actor? Actor => gate.Actor;

    public long Now => gate.Now;

    public string Province => gate.Province;

    public async Task<Result<OpenedParty>> OpenAsync(long enterpriseId, string action, CancellationToken ct)
    {
        if (gate.Actor is not { } actor)
        {
            return EnterpriseGate.SignInRequired;
        }

        var own = await gate.OwnAsync(actor, ct);
        var e = await enterprises.LoadAsync(gate.Province, enterpriseId, ct);
        if (e is null || !EnterpriseAccess.MayView(actor, own.Id, e.Id, e.ZoneCode, e.Status))
        {
            await AuditAsync(action, $"enterprise:{enterpriseId}", AuditOutcome.Denied, e is null ? "not found" : "outside the actor's remit", ct);
            return Problem.NotFound($"Enterprise {enterpriseId}");
        }

        return new OpenedParty(actor, own, e);
    }

    /// <summary>Whether the actor may see an authorization: it may see the principal or the agent.</summary>
    public async Task<(bool Visible, OwnEnterprise Own)> SeesAsync(Actor actor, AgentAuthorization a, CancellationToken ct)
    {
        var own = await gate.OwnAsync(actor, ct);
        var sees = EnterpriseAccess.MayView(actor, own.Id, a.Principal.Id, a.Principal.ZoneCode, a.Principal.Status)
            || EnterpriseAccess.MayView(actor, own.Id, a.Agent.Id, a.Agent.ZoneCode, a.Agent.Status);
        return (sees, own);
    }

    public Task AuditAsync(string action, string subject, AuditOutcome outcome, string? detail, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry($"registry.agent-authorization.{action}", subject, outcome, detail), ct);
}
