using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.AuthorizeDeclaringAgents;

/// <summary>The facade for the API and the portal; handlers are resolved per call.</summary>
internal sealed class AgentAuthorizationAdmin(IServiceProvider services) : IAgentAuthorizationAdmin
{
    public Task<Result<AgentAuthorizationList>> ListAgentsAsync(long principalEnterpriseId, CancellationToken ct) =>
        Get<ListAuthorizationsHandler>().AgentsAsync(principalEnterpriseId, ct);

    public Task<Result<AgentAuthorizationList>> ListPrincipalsAsync(long agentEnterpriseId, CancellationToken ct) =>
        Get<ListAuthorizationsHandler>().PrincipalsAsync(agentEnterpriseId, ct);

    public Task<Result<AgentAuthorization>> GrantAsync(long principalEnterpriseId, AgentAuthorizationForm form, CancellationToken ct) =>
        Get<GrantAuthorizationHandler>().HandleAsync(principalEnterpriseId, form, ct);

    public Task<Result<AgentAuthorization>> RevokeAsync(long authorizationId, string? reason, CancellationToken ct) =>
        Get<RevokeAuthorizationHandler>().HandleAsync(authorizationId, reason, ct);

    private T Get<T>()
        where T : notnull => (T)services.GetService(typeof(T))!;
}
