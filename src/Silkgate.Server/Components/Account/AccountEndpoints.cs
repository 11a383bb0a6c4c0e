using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;

namespace Silkgate.Server.Components.Account;

/// <summary>The account actions that are not pages: sign-out and the refresh of the sign-in cookie.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, IAuditTrail audit, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            if (ActorClaims.FromPrincipal(http.User) is not null)
            {
                await audit.RecordAsync(new AuditEntry("identity.sign-out", null, AuditOutcome.Succeeded), ct);
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription().DisableAntiforgery();

        // Registry pages send people here after a registration, so that the cookie carries the new membership.
        app.MapGet("/account/refresh", async (string? returnUrl, HttpContext http, IAccountService accounts, CancellationToken ct) =>
        {
            var target = AccountUi.LocalOrHome(returnUrl);
            var current = ActorClaims.FromPrincipal(http.User);
            var actor = current is { ApiKeyId: null } ? await accounts.ComputeActorAsync(current.UserId, ct) : null;
            if (actor is null)
            {
                return Results.LocalRedirect($"/account/login?returnUrl={Uri.EscapeDataString(target)}");
            }

            await SignInAsync(http, actor);
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
    }

    /// <summary>Issues the sign-in cookie for an actor; the claims come from <see cref="ActorClaims"/> like every other path.</summary>
    public static Task SignInAsync(HttpContext http, Actor actor) =>
        http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            ActorClaims.ToPrincipal(actor, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
}
