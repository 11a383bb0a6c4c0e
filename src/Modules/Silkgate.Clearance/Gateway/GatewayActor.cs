using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;

namespace Silkgate.Clearance.Gateway;

/// <summary>Who calls the gateway: the actor of the sending system's API key (configured scheme) or of the request's default authentication.</summary>
internal static class GatewayActor
{
    public static async Task<Actor?> AuthenticateAsync(HttpContext http)
    {
        var scheme = http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.AuthenticationScheme;
        if (!string.IsNullOrWhiteSpace(scheme) && ActorClaims.FromPrincipal(http.User) is null)
        {
            var result = await http.AuthenticateAsync(scheme);
            if (result.Succeeded)
            {
                http.User = result.Principal;
            }
        }

        return ActorClaims.FromPrincipal(http.User);
    }

    public static IResult Unauthenticated(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        return TypedResults.Problem(
            title: "Unauthenticated",
            detail: "Send the sending system's API key in the X-Api-Key header.",
            statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["code"] = "gateway.unauthenticated" });
    }

    /// <summary>403 with an audit entry (Denied).</summary>
    public static async Task<IResult> ForbiddenAsync(HttpContext http, string action, string? subject, string code, string reason)
    {
        if (http.RequestServices.GetService<IAuditTrail>() is { } audit)
        {
            await audit.RecordAsync(new AuditEntry(action, subject, AuditOutcome.Denied, $"{code}: {reason}"), http.RequestAborted);
        }

        return ProblemResults.From(new Problem(ErrorKind.Forbidden, code, reason));
    }
}
