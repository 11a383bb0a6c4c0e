using System.Globalization;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.AgentAuthorizations;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.AuthorizeDeclaringAgents;

/// <summary>The principal's admin authorizes an approved enterprise to declare in its name.</summary>
internal sealed class GrantAuthorizationHandler(
    AuthorizationAccess access, GrantValidator validator, AgentAuthorizationStore store, AgentAuthorizationCache cache, DbSession session)
{
    public async Task<Result<AgentAuthorization>> HandleAsync(long principalId, AgentAuthorizationForm form, CancellationToken ct)
    {
        var opened = await access.OpenAsync(principalId, "grant", ct);
        if (!opened.IsSuccess)
        {
            return Result<AgentAuthorization>.Failure(opened.Errors);
        }

        var party = opened.Value!;
        if (!party.MayManage)
        {
            await access.AuditAsync("grant", $"enterprise:{principalId}", AuditOutcome.Denied, $"role {party.Actor.Role} is not an admin of the principal", ct);
            return Problem.Forbidden("Only the administrators of the principal enterprise may authorize declaring agents.");
        }

        if (party.Enterprise.Status != EnterpriseStatus.Approved)
        {
            return Problem.Conflict("status", "principal.not-approved", $"The enterprise's registration is {party.Enterprise.Status}; only approved enterprises can authorize agents.");
        }

        var valid = await validator.ValidateAsync(party.Enterprise, form ?? new AgentAuthorizationForm(null, null, null, null, null), ct);
        if (!valid.IsSuccess)
        {
            return Result<AgentAuthorization>.Failure(valid.Errors);
        }

        var g = valid.Value!;
        var id = await session.InTransactionAsync(c => store.InsertAsync(principalId, g, party.Actor, access.Now, c), ct);
        cache.ForgetAgent(g.Agent.Id);
        var types = g.AllTypes ? AgentMessageTypes.All : string.Join(",", g.Types);
        await access.AuditAsync("grant", $"agent-authorization:{id}", AuditOutcome.Succeeded,
            string.Create(CultureInfo.InvariantCulture, $"principal {principalId} agent {g.Agent.Id} types {types} from {g.From} until {g.Until}"), ct);
        return (await store.FindAsync(id, access.Now, ct))!;
    }
}
