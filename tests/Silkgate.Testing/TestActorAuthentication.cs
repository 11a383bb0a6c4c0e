using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Access;

namespace Silkgate.Testing;

/// <summary>
/// Lets a test act as any <see cref="Actor"/> without a password round trip: the client sends the actor in a header
/// and this scheme turns it into exactly the claims the real sign-in would issue (<see cref="ActorClaims"/>).
/// Requests without the header authenticate as in production. Sign-in itself is tested through the real pages and keys.
/// </summary>
public sealed class TestActorHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestActor";
    public const string Header = "X-Test-Actor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var actor = JsonSerializer.Deserialize<Actor>(Convert.FromBase64String(value.ToString()))!;
        var principal = ActorClaims.ToPrincipal(actor, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    public static string Encode(Actor actor) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(actor));

    internal static void Register(IServiceCollection services)
    {
        string? fallback = null;
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TestActorHandler>(SchemeName, _ => { })
            .AddPolicyScheme("TestActorSelector", null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(Header) ? SchemeName : fallback ?? SchemeName);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            fallback = o.DefaultAuthenticateScheme ?? o.DefaultScheme;
            o.DefaultAuthenticateScheme = "TestActorSelector";
        });
    }
}

public static class TestActorClients
{
    /// <summary>An HTTP client of the host (or of a host derived from it) that acts as <paramref name="actor"/>.</summary>
    public static HttpClient CreateClientAs(this WebApplicationFactory<Program> host, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(TestActorHandler.Header, TestActorHandler.Encode(actor));
        return client;
    }
}
