using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.AgentAuthorizations;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.AuthorizeDeclaringAgents;

/// <summary>The principal's admin ends an authorization; it stops counting at once on this node.</summary>
internal sealed class RevokeAuthorizationHandler(AuthorizationAccess access, AgentAuthorizationStore store, AgentAuthorizationCache cache, DbSession session)
{
    public const int MaxReason = 1000;

    public async Task<Result<AgentAuthorization>> HandleAsync(long id, string? reason, CancellationToken ct)
    {
        if (access.Actor is not { } actor)
        {
            return Problem.Forbidden("Sign in first.");
        }

        var subject = $"agent-authorization:{id}";
        var a = await store.FindAsync(id, access.Now, ct);
        var (visible, own) = a is null ? (false, default) : await access.SeesAsync(actor, a, ct);
        if (a is null || !visible)
        {
            await access.AuditAsync("revoke", subject, AuditOutcome.Denied, a is null ? "not found" : "outside the actor's remit", ct);
            return Problem.NotFound($"Authorization {id}");
        }

        if (!(own.IsAdmin && own.Id == a.Principal.Id))
        {
            await access.AuditAsync("revoke", subject, AuditOutcome.Denied, $"role {actor.Role} is not an admin of the principal", ct);
            return Problem.Forbidden("Only the administrators of the principal enterprise may revoke its authorizations.");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text?.Length > MaxReason)
        {
            return Problem.Invalid("reason", "too-long", $"At most {MaxReason} characters, got {text.Length}.");
        }

        var revoked = await session.InTransactionAsync(c => store.RevokeAsync(id, actor, text, access.Now, c), ct);
        cache.ForgetAgent(a.Agent.Id);
        if (!revoked)
        {
            return Problem.Conflict("id", "authorization.revoked", "The authorization is already revoked.");
        }

        await access.AuditAsync("revoke", subject, AuditOutcome.Succeeded, text, ct);
        return (await store.FindAsync(id, access.Now, ct))!;
    }
}
