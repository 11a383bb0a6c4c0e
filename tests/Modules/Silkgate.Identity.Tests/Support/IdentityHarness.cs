using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Silkgate.Identity.Users;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.Support;

/// <summary>
/// The test host of one fixture with a fake clock, on the real registry: enterprises are registered and decided on
/// through the registry API (as a zone admin), members attached with the real <see cref="IEnterpriseDirectory"/>.
/// One per <see cref="PlatformHost"/> (it is disposed with it).
/// </summary>
public sealed partial class IdentityHarness
{
    public const string Password = "correct horse battery";

    private static readonly ConditionalWeakTable<PlatformHost, IdentityHarness> Harnesses = [];

    private IdentityHarness(PlatformHost host)
    {
        Factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
        }));
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> Factory { get; }

    public static IdentityHarness For(PlatformHost host) => Harnesses.GetValue(host, h => new IdentityHarness(h));

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient ClientAs(Actor actor)
    {
        var client = Browser();
        client.DefaultRequestHeaders.Add(TestActorHandler.Header, TestActorHandler.Encode(actor));
        return client;
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = Browser();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static string UniqueName(string stem) => $"{stem}{Guid.NewGuid():N}"[..Math.Min(40, stem.Length + 12)];

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Creates an account directly in the store (government role optional) and returns its id.</summary>
    public Task<long> CreateUserAsync(string username, Role? governmentRole = null, string? zone = null, Agency? agency = null, string password = Password) =>
        InScopeAsync(sp => sp.GetRequiredService<UserStore>().InsertAsync(
            new NewAccount(username, username + " name", sp.GetRequiredService<Passwords>().Hash(password), governmentRole, zone, agency),
            Clock.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None));

    /// <summary>
    /// Registers an enterprise through the registry (approved unless told otherwise) and creates its admin; returns the
    /// admin's actor (as a signed-in person).
    /// </summary>
    public async Task<Actor> CreateEnterpriseAdminAsync(string zone = "330500", EnterpriseStatus status = EnterpriseStatus.Approved)
    {
        var enterprise = await Factory.CreateEnterpriseAsync(zone, status);
        var username = UniqueName("admin");
        var id = await CreateUserAsync(username);
        await AddMemberAsync(enterprise.Id, id, isAdmin: true);
        return new Actor(id, username, Role.EnterpriseAdmin, "330000", zone, EnterpriseId: enterprise.Id);
    }

    /// <summary>Attaches an account to an enterprise through the registry's directory.</summary>
    public Task<bool> AddMemberAsync(long enterpriseId, long userId, bool isAdmin) => InScopeAsync(async sp =>
    {
        await sp.GetRequiredService<IEnterpriseDirectory>().AddMemberAsync(enterpriseId, userId, isAdmin, CancellationToken.None);
        return true;
    });

    public Task<EnterpriseMembership?> MembershipAsync(long userId) =>
        InScopeAsync(sp => sp.GetRequiredService<IEnterpriseDirectory>().FindMembershipAsync(userId, CancellationToken.None));

    /// <summary>Approves, suspends, ... an enterprise as an admin of its zone, through the registry API.</summary>
    public async Task DecideAsync(long enterpriseId, string zone, EnterpriseDecision decision)
    {
        using var admin = Factory.CreateClientAs(TestEnterprises.ZoneAdmin(zone));
        await TestEnterprises.DecideAsync(admin, enterpriseId, decision);
    }

    /// <summary>Posts the sign-in form like a browser: fetches the page for the antiforgery token, then submits.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string username, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync(browser, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Username"] = username,
            ["Input.Password"] = password,
        });
        return await browser.PostAsync(new Uri($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), form);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public static async Task<CurrentActor?> MeAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/api/v1/identity/me", UriKind.Relative));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CurrentActor>() : null;
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) => InScopeAsync<IReadOnlyList<T>>(async sp =>
    {
        var session = sp.GetRequiredService<DbSession>();
        var connection = await session.ConnectionAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    });

    public Task<int> ExecuteAsync(string sql, object? parameters = null) => InScopeAsync(async sp =>
    {
        var session = sp.GetRequiredService<DbSession>();
        var connection = await session.ConnectionAsync(CancellationToken.None);
        return await connection.ExecuteAsync(sql, parameters);
    });

    /// <summary>Where a redirect leads: the path when it stays on this host, the full address otherwise.</summary>
    public static string? RedirectTarget(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        return location is { IsAbsoluteUri: true } && location.Host == "localhost" ? location.PathAndQuery : location?.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed record CurrentActor(long UserId, string Name, string Role, string ProvinceCode, string? ZoneCode, string? Agency, long? EnterpriseId, long? ApiKeyId);
