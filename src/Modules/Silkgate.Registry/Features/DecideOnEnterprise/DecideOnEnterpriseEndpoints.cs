using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.DecideOnEnterprise;

/// <summary>Body of reject and suspend (reason required) and, optionally, of approve and reinstate.</summary>
internal sealed record DecisionRequest(string? Reason);

internal static class DecideOnEnterpriseEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        Map(api, "approve", EnterpriseDecision.Approve, "ApproveEnterprise", "Approves a submitted registration");
        Map(api, "reject", EnterpriseDecision.Reject, "RejectEnterprise", "Rejects a submitted registration; a reason is required");
        Map(api, "suspend", EnterpriseDecision.Suspend, "SuspendEnterprise", "Suspends an approved registration; a reason is required");
        Map(api, "reinstate", EnterpriseDecision.Reinstate, "ReinstateEnterprise", "Reinstates a suspended registration");
    }

    private static void Map(IEndpointRouteBuilder api, string verb, EnterpriseDecision decision, string name, string summary) =>
        api.MapPost($"/enterprises/{{id:long}}/{verb}", async Task<Results<Ok<EnterpriseDetails>, ProblemHttpResult>> (long id, DecisionRequest? body, IEnterpriseRegistry registry, CancellationToken ct) =>
        {
            var result = await registry.DecideAsync(id, decision, body?.Reason, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName(name)
        .WithSummary(summary)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
