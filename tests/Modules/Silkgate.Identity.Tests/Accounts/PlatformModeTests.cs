using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Modules;
using Silkgate.Identity.Tests.Support;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.Accounts;

/// <summary>A fresh production host has no default accounts; nobody signs in as a demo account.</summary>
public abstract class ProductionModeTests(PlatformHost host)
{
    [Fact]
    public async Task A_fresh_production_platform_has_no_default_accounts()
    {
        var h = IdentityHarness.For(host);
        using var browser = h.Browser();

        var response = await IdentityHarness.PostLoginAsync(browser, "province", "Silkgate#2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([0L], await h.QueryAsync<long>("SELECT COUNT(*) FROM identity_users"));
    }
}

public sealed class ProductionModeTestsOnSqlite(SqliteHost host) : ProductionModeTests(host), IClassFixture<SqliteHost>;

public sealed class ProductionModeTestsOnPostgres(PostgresHost host) : ProductionModeTests(host), IClassFixture<PostgresHost>;

/// <summary>Demo mode seeds the documented accounts, once.</summary>
public abstract class DemoModeTests
{
    private readonly PlatformHost _host;

    protected DemoModeTests(PlatformHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Settings["Platform:Mode"] = "Demo";
        _host = host;
    }

    [Theory]
    [InlineData("province", "ProvinceAdmin", null)]
    [InlineData("huzhou", "ZoneAdmin", "330500")]
    [InlineData("customs.huzhou", "AgencyOfficer", "330500")]
    [InlineData("seller.huzhou", "EnterpriseAdmin", "330500")]
    [InlineData("clerk.huzhou", "EnterpriseUser", "330500")]
    [InlineData("platform.jiaxing", "EnterpriseAdmin", "330400")]
    [InlineData("logistics.pinghu", "EnterpriseAdmin", "330400")]
    [InlineData("payment.taizhou", "EnterpriseAdmin", "331000")]
    [InlineData("applicant.anji", "Applicant", "330500")]
    public async Task The_demo_accounts_sign_in_with_the_demo_password(string username, string role, string? zone)
    {
        var h = IdentityHarness.For(_host);
        using var browser = h.Browser();

        await IdentityHarness.PostLoginAsync(browser, username, "Silkgate#2026");

        var me = await IdentityHarness.MeAsync(browser);
        Assert.Equal((role, zone), (me?.Role, me?.ZoneCode));
    }

    [Fact]
    public async Task Seeding_the_demo_again_adds_nothing()
    {
        var h = IdentityHarness.For(_host);
        var before = await h.QueryAsync<long>("SELECT COUNT(*) FROM identity_users");
        var enterprises = await EnterprisesOfDemoAccountsAsync(h);

        await h.InScopeAsync(async sp =>
        {
            foreach (var seeder in sp.GetServices<IDemoSeeder>())
            {
                await seeder.SeedAsync(CancellationToken.None);
            }

            return true;
        });

        Assert.Equal(before, await h.QueryAsync<long>("SELECT COUNT(*) FROM identity_users"));
        Assert.Equal(14L, before[0]);
        Assert.Equal(enterprises, await EnterprisesOfDemoAccountsAsync(h));
        Assert.Equal(6, enterprises.Count(e => e is not null));
        Assert.Equal(enterprises[0], enterprises[1]);
    }

    /// <summary>The enterprise of each demo enterprise account, through the registry's directory.</summary>
    private static async Task<List<long?>> EnterprisesOfDemoAccountsAsync(IdentityHarness h)
    {
        string[] usernames = ["seller.huzhou", "clerk.huzhou", "platform.jiaxing", "logistics.pinghu", "payment.taizhou", "applicant.anji"];
        var result = new List<long?>();
        foreach (var username in usernames)
        {
            var id = (await h.QueryAsync<long>("SELECT id FROM identity_users WHERE username = @Username", new { Username = username })).Single();
            result.Add((await h.MembershipAsync(id))?.EnterpriseId);
        }

        return result;
    }
}

public sealed class DemoModeTestsOnSqlite(SqliteHost host) : DemoModeTests(host), IClassFixture<SqliteHost>;

public sealed class DemoModeTestsOnPostgres(PostgresHost host) : DemoModeTests(host), IClassFixture<PostgresHost>;
