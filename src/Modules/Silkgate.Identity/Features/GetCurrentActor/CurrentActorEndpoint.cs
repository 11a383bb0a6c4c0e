using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Access;

namespace Silkgate.Identity.Features.GetCurrentActor;

/// <summary><c>GET /api/v1/identity/me</c>: who the platform takes the caller for.</summary>
internal static class CurrentActorEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/me", Results<Ok<CurrentActorResponse>, UnauthorizedHttpResult> (IActorContext actors) =>
                actors.Current is { } a
                    ? TypedResults.Ok(new CurrentActorResponse(a.UserId, a.Name, a.Role.ToString(), a.ProvinceCode, a.ZoneCode,
                        a.Agency?.ToString(), a.EnterpriseId, a.ApiKeyId))
                    : TypedResults.Unauthorized())
            .RequireAuthorization()
            .WithName("GetCurrentActor")
            .WithSummary("The current actor: user, role and scope (zone, agency, enterprise, API key).");
}

internal sealed record CurrentActorResponse(
    long UserId,
    string Name,
    string Role,
    string ProvinceCode,
    string? ZoneCode,
    string? Agency,
    long? EnterpriseId,
    long? ApiKeyId);
