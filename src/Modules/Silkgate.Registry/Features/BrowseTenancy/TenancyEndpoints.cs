using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.BrowseTenancy;

/// <summary>Zones and districts (public reference data) and parks.</summary>
internal static class TenancyEndpoints
{
    public static void MapPublic(IEndpointRouteBuilder api)
    {
        api.MapGet("/zones", async (ITenancyDirectory tenancy, CancellationToken ct) => TypedResults.Ok(await tenancy.ListZonesAsync(ct)))
            .WithName("ListZones").WithSummary("The province's pilot zones (public reference data)").AllowAnonymous();

        api.MapGet("/zones/{code}/districts", async Task<Results<Ok<IReadOnlyList<DistrictInfo>>, ProblemHttpResult>> (string code, ITenancyDirectory tenancy, CancellationToken ct) =>
            await tenancy.FindZoneAsync(code, ct) is null
                ? ProblemResults.From(Problem.NotFound($"Zone {code}"))
                : TypedResults.Ok(await tenancy.ListDistrictsAsync(code, ct)))
            .WithName("ListDistricts").WithSummary("Districts and counties of a zone (public reference data)").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapSecured(IEndpointRouteBuilder api)
    {
        api.MapGet("/parks", async Task<Results<Ok<IReadOnlyList<ParkInfo>>, ProblemHttpResult>> (string? zone, ITenancyDirectory tenancy, CancellationToken ct) =>
            zone is not null && await tenancy.FindZoneAsync(zone, ct) is null
                ? ProblemResults.From(Problem.Invalid("zone", "zone.unknown", $"Zone '{zone}' is not a zone of this province."))
                : TypedResults.Ok(await tenancy.ListParksAsync(zone, ct)))
            .WithName("ListParks").WithSummary("Parks of a zone or of the province")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/parks", async Task<Results<Created<ParkInfo>, ProblemHttpResult>> (ParkForm form, ITenancyDirectory tenancy, CancellationToken ct) =>
        {
            var result = await tenancy.AddParkAsync(form, ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/registry/parks/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("AddPark").WithSummary("Adds a park to a zone (zone administrators of that zone, province administrators)")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
