using System.Net;
using System.Net.Http.Json;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Features.ManageApiKeys;
using Silkgate.Identity.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.ApiKeys;

public abstract class ApiKeyTests(PlatformHost host)
{
    private static readonly Uri Keys = new("/api/v1/identity/api-keys", UriKind.Relative);
    private readonly IdentityHarness _h = IdentityHarness.For(host);

    [Fact]
    public async Task A_new_key_is_shown_once_and_only_the_hash_of_its_secret_is_stored()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin);

        var created = await CreateAsync(client, "ERP");

        Assert.Matches("^sgk_[a-z2-9]{8}_[A-Za-z0-9]{40}$", created.Key);
        var secret = created.Key.Split('_')[2];
        var stored = await _h.QueryAsync<string>(
            "SELECT prefix || '|' || secret_hash || '|' || name FROM identity_api_keys WHERE id = @Id", new { created.Info.Id });
        var row = Assert.Single(stored);
        Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
        Assert.StartsWith(created.Info.Prefix + "|", row, StringComparison.Ordinal);
        var listed = await client.GetFromJsonAsync<List<ApiKeyInfo>>(Keys);
        var info = Assert.Single(listed!);
        Assert.Equal((created.Info.Id, "ERP"), (info.Id, info.Name));
        Assert.DoesNotContain(secret, await client.GetStringAsync(Keys), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_authenticates_api_calls_as_the_enterprise_system()
    {
        var admin = await _h.CreateEnterpriseAdminAsync("330400");
        using var client = _h.ClientAs(admin);
        var created = await CreateAsync(client, null);
        using var system = _h.ClientWithKey(created.Key);

        var me = await IdentityHarness.MeAsync(system);

        Assert.NotNull(me);
        Assert.Equal(("EnterpriseUser", admin.EnterpriseId, "330400", created.Info.Id), (me.Role, me.EnterpriseId, me.ZoneCode, me.ApiKeyId));
        var used = await client.GetFromJsonAsync<List<ApiKeyInfo>>(Keys);
        Assert.NotNull(Assert.Single(used!).LastUsedAt);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin);
        var created = await CreateAsync(client, "to revoke");
        using var system = _h.ClientWithKey(created.Key);
        Assert.NotNull(await IdentityHarness.MeAsync(system));

        var revoke = await client.DeleteAsync(new Uri($"{Keys}/{created.Info.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var refused = await system.GetAsync(new Uri("/api/v1/identity/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_enterprises_admin_cannot_revoke_a_key_and_is_told_it_does_not_exist()
    {
        var owner = await _h.CreateEnterpriseAdminAsync();
        var stranger = await _h.CreateEnterpriseAdminAsync();
        using var ownerClient = _h.ClientAs(owner);
        using var strangerClient = _h.ClientAs(stranger);
        var created = await CreateAsync(ownerClient, "mine");

        var response = await strangerClient.DeleteAsync(new Uri($"{Keys}/{created.Info.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var system = _h.ClientWithKey(created.Key);
        Assert.NotNull(await IdentityHarness.MeAsync(system));
        var denied = await _h.QueryAsync<long>(
            "SELECT COUNT(*) FROM identity_audit WHERE action = 'identity.api-key.revoke' AND outcome = 'Denied' AND actor_user_id = @Id",
            new { Id = stranger.UserId });
        Assert.Equal([1L], denied);
    }

    [Fact]
    public async Task An_enterprise_user_who_is_not_admin_cannot_create_keys()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin with { Role = Role.EnterpriseUser });

        var response = await client.PostAsJsonAsync(Keys, new CreateApiKeyRequest("x"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_enterprise_that_is_not_approved_gets_no_key()
    {
        var admin = await _h.CreateEnterpriseAdminAsync(status: EnterpriseStatus.Submitted);
        using var client = _h.ClientAs(admin);

        var response = await client.PostAsJsonAsync(Keys, new CreateApiKeyRequest("x"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("enterprise.not-approved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sgk_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not a key")]
    public async Task An_unknown_key_is_refused_with_401_problem_details(string key)
    {
        using var system = _h.ClientWithKey(key);

        var response = await system.GetAsync(new Uri("/api/v1/identity/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_key_of_a_suspended_enterprise_is_refused_once_the_cache_expires()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin);
        var created = await CreateAsync(client, "suspend me");
        using var system = _h.ClientWithKey(created.Key);
        Assert.NotNull(await IdentityHarness.MeAsync(system));

        await _h.DecideAsync(admin.EnterpriseId!.Value, admin.ZoneCode!, EnterpriseDecision.Suspend);
        _h.Clock.Advance(TimeSpan.FromSeconds(31));
        var response = await system.GetAsync(new Uri("/api/v1/identity/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_api_key_page_shows_a_new_key_once()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var browser = _h.ClientAs(admin);
        var token = await IdentityHarness.AntiforgeryTokenAsync(browser, "/account/api-keys");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-key",
            ["__RequestVerificationToken"] = token,
            ["NewKeyName"] = "网店系统",
        });

        var html = await (await browser.PostAsync(new Uri("/account/api-keys", UriKind.Relative), form)).Content.ReadAsStringAsync();

        Assert.Matches("data-testid=\"new-api-key\">sgk_[a-z2-9]{8}_[A-Za-z0-9]{40}<", html);
        var again = await browser.GetStringAsync(new Uri("/account/api-keys", UriKind.Relative));
        Assert.DoesNotContain("new-api-key", again, StringComparison.Ordinal);
        Assert.Contains("网店系统", again, StringComparison.Ordinal);
    }

    private static async Task<CreatedApiKey> CreateAsync(HttpClient client, string? name)
    {
        var response = await client.PostAsJsonAsync(Keys, new CreateApiKeyRequest(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!;
    }
}

public sealed class ApiKeyTestsOnSqlite(SqliteHost host) : ApiKeyTests(host), IClassFixture<SqliteHost>;

public sealed class ApiKeyTestsOnPostgres(PostgresHost host) : ApiKeyTests(host), IClassFixture<PostgresHost>;
