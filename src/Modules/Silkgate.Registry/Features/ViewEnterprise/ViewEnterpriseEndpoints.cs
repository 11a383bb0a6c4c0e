using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.ViewEnterprise;

internal static class ViewEnterpriseEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/enterprises/{id:long}", async Task<Results<Ok<EnterpriseDetails>, ProblemHttpResult>> (long id, IEnterpriseRegistry registry, CancellationToken ct) =>
        {
            var result = await registry.GetAsync(id, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("GetEnterprise")
        .WithSummary("One registration; 404 when it is outside the caller's remit")
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/enterprises/{id:long}/history", async Task<Results<Ok<IReadOnlyList<StatusChange>>, ProblemHttpResult>> (long id, IEnterpriseRegistry registry, CancellationToken ct) =>
        {
            var result = await registry.HistoryAsync(id, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("GetEnterpriseHistory")
        .WithSummary("Status history of a registration: who changed what, when and why")
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
