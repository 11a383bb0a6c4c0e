using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Http;

namespace Silkgate.Identity.Features.ManageApiKeys;

/// <summary><c>/api/v1/identity/api-keys</c>: the enterprise admin's keys.</summary>
internal static class ApiKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        var keys = group.MapGroup("/api-keys").RequireAuthorization();
        keys.MapGet("/", async Task<Results<Ok<IReadOnlyList<ApiKeyInfo>>, ProblemHttpResult>> (IApiKeyService service, CancellationToken ct) =>
            {
                var result = await service.ListAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Errors);
            })
            .WithName("ListApiKeys")
            .WithSummary("Keys of the caller's enterprise (enterprise admin); the secrets are never shown again.");

        keys.MapPost("/", async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> (CreateApiKeyRequest? request, IApiKeyService service, CancellationToken ct) =>
            {
                var result = await service.CreateAsync(request?.Name, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/identity/api-keys/{result.Value!.Info.Id}", result.Value)
                    : ProblemResults.From(result.Errors);
            })
            .WithName("CreateApiKey")
            .WithSummary("Creates a key for the caller's approved enterprise; the answer holds the key, shown this once.");

        keys.MapDelete("/{id:long}", async Task<Results<Ok<ApiKeyInfo>, ProblemHttpResult>> (long id, IApiKeyService service, CancellationToken ct) =>
            {
                var result = await service.RevokeAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Errors);
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revokes a key of the caller's enterprise; requests with it are refused from then on.");
    }
}

internal sealed record CreateApiKeyRequest(string? Name);
