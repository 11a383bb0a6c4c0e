using System.Globalization;
using System.Security.Claims;

namespace Silkgate.Kernel.Access;

/// <summary>
/// The one mapping between an <see cref="Actor"/> and the claims of a signed-in principal (cookie, API key, tests),
/// so that every authentication path yields the same actor.
/// </summary>
public static class ActorClaims
{
    public const string UserId = "silkgate:user";
    public const string Role = "silkgate:role";
    public const string Province = "silkgate:province";
    public const string Zone = "silkgate:zone";
    public const string Agency = "silkgate:agency";
    public const string Enterprise = "silkgate:enterprise";
    public const string ApiKey = "silkgate:apikey";

    public static ClaimsPrincipal ToPrincipal(Actor actor, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim>
        {
            new(UserId, actor.UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, actor.Name),
            new(Role, actor.Role.ToString()),
            new(ClaimTypes.Role, actor.Role.ToString()),
            new(Province, actor.ProvinceCode),
        };
        Add(claims, Zone, actor.ZoneCode);
        Add(claims, Agency, actor.Agency?.ToString());
        Add(claims, Enterprise, actor.EnterpriseId?.ToString(CultureInfo.InvariantCulture));
        Add(claims, ApiKey, actor.ApiKeyId?.ToString(CultureInfo.InvariantCulture));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The actor of an authenticated principal, or null when it carries no Silkgate claims.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !long.TryParse(principal.FindFirstValue(UserId), CultureInfo.InvariantCulture, out var userId)
            || !Enum.TryParse<Role>(principal.FindFirstValue(Role), out var role))
        {
            return null;
        }

        return new Actor(
            userId,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            role,
            principal.FindFirstValue(Province) ?? "",
            principal.FindFirstValue(Zone),
            Enum.TryParse<Agency>(principal.FindFirstValue(Agency), out var agency) ? agency : null,
            long.TryParse(principal.FindFirstValue(Enterprise), CultureInfo.InvariantCulture, out var e) ? e : null,
            long.TryParse(principal.FindFirstValue(ApiKey), CultureInfo.InvariantCulture, out var k) ? k : null);
    }

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (value is not null)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
