using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Identity.Users;
using Silkgate.Kernel.Access;

namespace Silkgate.Identity.Authentication;

/// <summary>
/// Keeps the actor in a sign-in cookie current: at most once per <see cref="IdentityModuleOptions.ActorRefreshInterval"/>
/// (and on the first request of a cookie that has never been checked), the actor is computed again from the account and
/// the registry. A changed actor (e.g. the enterprise was approved, so the applicant is now its admin) replaces the
/// cookie's; a deleted or locked account is signed out. Between checks no query is made.
/// </summary>
internal static class ActorRevalidation
{
    /// <summary>Cookie property: when the actor was last computed (Unix ms).</summary>
    public const string CheckedAt = ".silkgate.actor-checked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var interval = services.GetRequiredService<IOptions<IdentityModuleOptions>>().Value.ActorRefreshInterval;
        var actor = ActorClaims.FromPrincipal(context.Principal);
        if (actor is not null && LastCheck(context.Properties) is { } last && now - last < interval && now >= last)
        {
            return;
        }

        var ct = context.HttpContext.RequestAborted;
        var user = actor is null ? null : await services.GetRequiredService<UserStore>().FindByIdAsync(actor.UserId, ct);
        if (user is null || user.IsLockedAt(now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var fresh = await services.GetRequiredService<ActorFactory>().ForAsync(user, ct);
        if (fresh != actor)
        {
            context.ReplacePrincipal(ActorClaims.ToPrincipal(fresh, CookieAuthenticationDefaults.AuthenticationScheme));
        }

        context.Properties.Items[CheckedAt] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    /// <summary>Marks a new cookie as checked now (the actor was just computed at sign-in).</summary>
    public static void MarkChecked(AuthenticationProperties properties, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(properties);
        properties.Items[CheckedAt] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? LastCheck(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(CheckedAt, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : properties.IssuedUtc;
}
