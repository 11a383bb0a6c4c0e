using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.UpdateEnterprise;

internal static class UpdateEnterpriseEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/enterprises/{id:long}", async Task<Results<Ok<EnterpriseDetails>, ProblemHttpResult>> (long id, EnterpriseForm form, IEnterpriseRegistry registry, CancellationToken ct) =>
        {
            var result = await registry.UpdateAsync(id, form, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("UpdateEnterprise")
        .WithSummary("Changes a registration that is submitted or rejected; a rejected one is resubmitted")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
