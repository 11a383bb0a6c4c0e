using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.AgentAuthorizations;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.AuthorizeDeclaringAgents;

/// <summary>The authorizations an enterprise granted (as principal) or received (as agent).</summary>
internal sealed class ListAuthorizationsHandler(AuthorizationAccess access, AgentAuthorizationStore store)
{
    public async Task<Result<AgentAuthorizationList>> AgentsAsync(long principalId, CancellationToken ct)
    {
        var opened = await OpenAsync(principalId, ct);
        return opened.IsSuccess
            ? new AgentAuthorizationList(await store.ListByPrincipalAsync(principalId, access.Now, ct), opened.Value!.MayManage)
            : Result<AgentAuthorizationList>.Failure(opened.Errors);
    }

    public async Task<Result<AgentAuthorizationList>> PrincipalsAsync(long agentId, CancellationToken ct)
    {
        var opened = await OpenAsync(agentId, ct);
        return opened.IsSuccess
            ? new AgentAuthorizationList(await store.ListByAgentAsync(agentId, access.Now, ct), false)
            : Result<AgentAuthorizationList>.Failure(opened.Errors);
    }

    private async Task<Result<OpenedParty>> OpenAsync(long id, CancellationToken ct)
    {
        var opened = await access.OpenAsync(id, "read", ct);
        if (opened.IsSuccess && opened.Value!.Actor.IsGovernment)
        {
            // Government reads of an enterprise's data are audited (P2).
            await access.AuditAsync("read", $"enterprise:{id}", AuditOutcome.Succeeded, null, ct);
        }

        return opened;
    }
}
