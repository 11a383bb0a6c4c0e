using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.RegisterEnterprise;

internal static class RegisterEnterpriseEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enterprises", async Task<Results<Created<EnterpriseDetails>, ProblemHttpResult>> (EnterpriseForm form, IEnterpriseRegistry registry, CancellationToken ct) =>
        {
            var result = await registry.RegisterAsync(form, ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/registry/enterprises/{result.Value!.Id}", result.Value)
                : ProblemResults.From(result.Errors);
        })
        .WithName("RegisterEnterprise")
        .WithSummary("Files an enterprise registration (备案)")
        .WithDescription("An applicant registers their own enterprise and becomes its administrator; a zone or province administrator registers on an enterprise's behalf. All field problems are reported at once (400); a code already registered in the province gives 409 naming the field.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
