using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.AuthorizeDeclaringAgents;

/// <summary>Body of a revocation; the reason is optional.</summary>
internal sealed record RevokeRequest(string? Reason);

internal static class AgentAuthorizationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/enterprises/{id:long}/agents", async Task<Results<Ok<AgentAuthorizationList>, ProblemHttpResult>> (long id, IAgentAuthorizationAdmin admin, CancellationToken ct) =>
        {
            var result = await admin.ListAgentsAsync(id, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("ListDeclaringAgents")
        .WithSummary("Declaring agents the enterprise authorized (it is the principal), revoked ones included")
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/enterprises/{id:long}/principals", async Task<Results<Ok<AgentAuthorizationList>, ProblemHttpResult>> (long id, IAgentAuthorizationAdmin admin, CancellationToken ct) =>
        {
            var result = await admin.ListPrincipalsAsync(id, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("ListPrincipals")
        .WithSummary("Enterprises that authorized this enterprise as their declaring agent")
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/enterprises/{id:long}/agents", async Task<Results<Created<AgentAuthorization>, ProblemHttpResult>> (long id, AgentAuthorizationForm form, IAgentAuthorizationAdmin admin, CancellationToken ct) =>
        {
            var result = await admin.GrantAsync(id, form, ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/registry/agent-authorizations/{result.Value!.Id}", result.Value)
                : ProblemResults.From(result.Errors);
        })
        .WithName("AuthorizeDeclaringAgent")
        .WithSummary("The principal's admin authorizes an approved enterprise to declare CEB messages in its name (委托申报)")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/agent-authorizations/{authId:long}/revoke", async Task<Results<Ok<AgentAuthorization>, ProblemHttpResult>> (long authId, RevokeRequest? body, IAgentAuthorizationAdmin admin, CancellationToken ct) =>
        {
            var result = await admin.RevokeAsync(authId, body?.Reason, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("RevokeDeclaringAgent")
        .WithSummary("The principal's admin revokes an authorization; it stops counting at once")
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
