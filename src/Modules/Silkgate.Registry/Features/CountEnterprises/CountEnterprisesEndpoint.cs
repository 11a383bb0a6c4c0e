using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.CountEnterprises;

internal static class CountEnterprisesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/zones", async Task<Results<Ok<IReadOnlyList<ZoneStatusCount>>, ProblemHttpResult>> (IEnterpriseRegistry registry, CancellationToken ct) =>
        {
            var result = await registry.CountByZoneAsync(ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("CountEnterprisesByZone")
        .WithSummary("Registrations per zone and status within the caller's remit (government users)")
        .ProducesProblem(StatusCodes.Status403Forbidden);
}
