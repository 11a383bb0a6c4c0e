using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.SearchEnterprises;

internal static class SearchEnterprisesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enterprises", async Task<Results<Ok<EnterprisePage>, ProblemHttpResult>> (
            string? q, string? zone, string? district, long? park, string? role, string? status, string? sort, int? page, int? pageSize,
            IEnterpriseRegistry registry, CancellationToken ct) =>
        {
            var query = new EnterpriseQuery(q, zone, district, park, role, status, sort, page ?? 1, pageSize ?? 20);
            var result = await registry.SearchAsync(query, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("SearchEnterprises")
        .WithSummary("Registrations the caller may see, by text (name or code) and filters, paged (pageSize at most 100), with the total count")
        .ProducesProblem(StatusCodes.Status400BadRequest);
}
