using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Silkgate.Identity.Authentication;

/// <summary>
/// Authentication of the platform: a policy scheme (the default) forwards to the API-key scheme when the request has
/// an <c>X-Api-Key</c> header, otherwise to the sign-in cookie. API requests get 401/403 problem details, pages a redirect.
/// </summary>
internal static class AuthenticationSetup
{
    public const string PolicyScheme = "Silkgate";

    public static void AddSilkgateAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PolicyScheme;
                o.DefaultChallengeScheme = PolicyScheme;
            })
            .AddPolicyScheme(PolicyScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "silkgate.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/login";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnValidatePrincipal = ActorRevalidation.ValidateAsync;
                o.Events.OnSigningIn = context =>
                {
                    ActorRevalidation.MarkChecked(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToLogin = context =>
                {
                    if (AuthProblems.IsApi(context.Request))
                    {
                        return AuthProblems.UnauthorizedAsync(context.HttpContext, null);
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    if (AuthProblems.IsApi(context.Request))
                    {
                        return AuthProblems.ForbiddenAsync(context.HttpContext);
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });
    }
}
