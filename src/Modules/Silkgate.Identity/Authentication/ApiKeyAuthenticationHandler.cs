using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Identity.ApiKeys;
using Silkgate.Kernel.Access;

namespace Silkgate.Identity.Authentication;

/// <summary>Authenticates requests that carry an <c>X-Api-Key</c> header; challenges and refusals are problem details.</summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    private string? _failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value))
        {
            return AuthenticateResult.NoResult();
        }

        var authenticator = Context.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
        var (actor, failure) = await authenticator.AuthenticateAsync(value.ToString(), Context.RequestAborted);
        if (actor is null)
        {
            _failure = failure;
            return AuthenticateResult.Fail(failure ?? "Invalid API key.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(actor, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthProblems.UnauthorizedAsync(Context, _failure);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.ForbiddenAsync(Context);
}
