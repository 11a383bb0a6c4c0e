using System.Net;

using Microsoft.AspNetCore.Hosting;

namespace Silkgate.Server.Tests.Hosting;

public sealed class HealthWhenDatabaseDownTests
{
    [Fact]
    public async Task Health_answers_503_when_the_database_cannot_be_reached()
    {
        // A PostgreSQL port where nothing listens; migrations are left to `silkgate db migrate` so the host starts.
        await using var down = new UnreachableDatabaseHost();
        var response = await down.Server.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private sealed class UnreachableDatabaseHost : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Postgres", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");
            builder.UseSetting("Platform:MigrateOnStart", "false");
            builder.UseSetting("Clearance:Privacy:HashKey", Silkgate.Testing.PlatformHost.PrivacyHashKey);
            builder.UseEnvironment("Testing");
        }
    }
}
