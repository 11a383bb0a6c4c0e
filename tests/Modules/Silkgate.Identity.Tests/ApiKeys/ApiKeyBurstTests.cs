using System.Net;
using System.Net.Http.Json;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Features.ManageApiKeys;
using Silkgate.Identity.Tests.Support;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.ApiKeys;

/// <summary>
/// A burst of requests with a key this node has not seen yet (a fresh key, a restart) reads the database once, not once
/// per request: on PostgreSQL one read per request once took every connection.
/// </summary>
public abstract class ApiKeyBurstTests(PlatformHost host)
{
    private const int Burst = 200;
    private readonly IdentityHarness _h = IdentityHarness.For(host);

    [Fact]
    public async Task Two_hundred_concurrent_requests_with_a_new_key_make_one_key_lookup_and_one_enterprise_lookup()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin);
        var created = await CreateAsync(client);
        using var lookups = new ApiKeyLookupCounter(_h.Factory.Services);
        using var system = _h.ClientWithKey(created.Key);

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => IdentityHarness.MeAsync(system)));

        Assert.All(answers, me => Assert.Equal((created.Info.Id, admin.EnterpriseId), (me?.ApiKeyId, me?.EnterpriseId)));
        Assert.Equal((1L, 1L), (lookups.KeyLookups, lookups.EnterpriseLookups));
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_with_one_unknown_key_are_all_refused_after_one_lookup()
    {
        using var lookups = new ApiKeyLookupCounter(_h.Factory.Services);
        using var system = _h.ClientWithKey("sgk_zzzzkkkk_" + new string('Q', 40));

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var response = await system.GetAsync(new Uri("/api/v1/identity/me", UriKind.Relative));
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal((1L, 0L), (lookups.KeyLookups, lookups.EnterpriseLookups));
    }

    private static async Task<CreatedApiKey> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/identity/api-keys", UriKind.Relative), new CreateApiKeyRequest("burst"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!;
    }
}

public sealed class ApiKeyBurstTestsOnSqlite(SqliteHost host) : ApiKeyBurstTests(host), IClassFixture<SqliteHost>;

public sealed class ApiKeyBurstTestsOnPostgres(PostgresHost host) : ApiKeyBurstTests(host), IClassFixture<PostgresHost>;
