using System.Net;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Hosting;

public abstract class HealthTests(PlatformHost host)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        using var client = host.CreateClient();
        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("\"openapi\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_home_is_Chinese_by_default()
    {
        using var client = host.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("综试区", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }
}

public sealed class HealthTestsOnSqlite(SqliteHost host) : HealthTests(host), IClassFixture<SqliteHost>;

public sealed class HealthTestsOnPostgres(PostgresHost host) : HealthTests(host), IClassFixture<PostgresHost>;
