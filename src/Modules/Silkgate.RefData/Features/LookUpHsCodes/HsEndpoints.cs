using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Features.LookUpHsCodes;

internal static class HsEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/hs", async (string? q, long? year, int? page, int? pageSize, IHsCodes hs, CancellationToken ct) =>
                TypedResults.Ok(await hs.SearchAsync(new HsQuery(q, year, page ?? 1, pageSize ?? 20), ct)))
            .WithName("SearchHsCodes").AllowAnonymous();

        group.MapGet("/hs/{code}", async Task<Results<Ok<HsCode>, ProblemHttpResult>> (string code, long? year, IHsCodes hs, CancellationToken ct) =>
                await hs.FindAsync(code, year, ct) is { } found
                    ? TypedResults.Ok(found)
                    : ProblemResults.From(Problem.NotFound(year is null ? $"HS code {code}" : $"HS code {code} of tariff year {year}")))
            .WithName("GetHsCode").AllowAnonymous();
    }
}
