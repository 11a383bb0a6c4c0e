using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.AgentAuthorizations;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;

namespace Silkgate.Registry.Features.DecideOnEnterprise;

/// <summary>Approve, reject, suspend or reinstate: zone admins in their zone, province admins everywhere.</summary>
internal sealed class DecideOnEnterpriseHandler(EnterpriseGate gate, EnterpriseStore store, HistoryStore history, DbSession session, AgentAuthorizationCache authorizations)
{
    public const int MaxReason = 1000;

    public async Task<Result<EnterpriseDetails>> HandleAsync(long id, EnterpriseDecision decision, string? reason, CancellationToken ct)
    {
        var action = EnterpriseWorkflow.ActionName(decision);
        var opened = await gate.OpenAsync(id, action, ct);
        if (!opened.IsSuccess)
        {
            return Result<EnterpriseDetails>.Failure(opened.Errors);
        }

        var (actor, _, current) = opened.Value!;
        if (!actor.MayAdministerZone(current.ZoneCode))
        {
            await gate.AuditAsync(action, id, AuditOutcome.Denied, $"role {actor.Role}", ct);
            return Problem.Forbidden($"Only administrators of zone {current.ZoneCode} or of the province may {action} a registration.");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (EnterpriseWorkflow.NeedsReason(decision) && text is null)
        {
            return Problem.Invalid("reason", "reason.required", $"A reason is required to {action} a registration.");
        }

        if (text?.Length > MaxReason)
        {
            return Problem.Invalid("reason", "too-long", $"At most {MaxReason} characters, got {text.Length}.");
        }

        var next = EnterpriseWorkflow.DecisionMustFitTheCurrentStatus(current.Status, decision);
        if (!next.IsSuccess)
        {
            return Result<EnterpriseDetails>.Failure(next.Errors);
        }

        var to = next.Value;
        var stored = await session.InTransactionAsync(async c =>
        {
            if (!await store.SetStatusAsync(id, current.Status, to, EnterpriseWorkflow.NeedsReason(decision) ? text : null, gate.Now, c))
            {
                return false;
            }

            await history.AddAsync(id, action, current.Status, to, text, actor, gate.Now, c);
            return true;
        }, ct);
        if (!stored)
        {
            return Problem.Conflict("status", "status.changed", "The registration was changed meanwhile; reload and try again.");
        }

        // Declaring-agent authorizations count only while both parties are approved.
        authorizations.ForgetAll();
        await gate.AuditAsync(action, id, AuditOutcome.Succeeded, text, ct);
        return (await store.LoadAsync(gate.Province, id, ct))!;
    }
}
