using Microsoft.AspNetCore.Hosting;
using Silkgate.Kernel.Modules;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Enterprises;

public abstract class DirectoryTests(PlatformHost host)
{
    [Fact]
    public async Task Finds_an_enterprise_by_USCC_or_customs_code()
    {
        var e = await host.ApprovedAsync();

        var (byUscc, byCustoms) = await host.InScopeAsync(async s =>
        {
            var d = s.GetRequiredService<IEnterpriseDirectory>();
            return (await d.FindByCodeAsync(e.Uscc, CancellationToken.None), await d.FindByCodeAsync(e.CustomsCode.ToLowerInvariant(), CancellationToken.None));
        });

        Assert.Equal(e.Id, byUscc!.Id);
        Assert.Equal(e.Id, byCustoms!.Id);
        Assert.Equal(EnterpriseStatus.Approved, byUscc.Status);
    }

    [Fact]
    public async Task Members_are_added_once_per_account()
    {
        var e = await host.ApprovedAsync();
        var other = await host.ApprovedAsync();
        var user = NewUserId();

        var membership = await host.InScopeAsync(async s =>
        {
            var d = s.GetRequiredService<IEnterpriseDirectory>();
            await d.AddMemberAsync(e.Id, user, isAdmin: false, CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(() => d.AddMemberAsync(other.Id, user, false, CancellationToken.None));
            return await d.FindMembershipAsync(user, CancellationToken.None);
        });

        Assert.Equal(new EnterpriseMembership(e.Id, e.ZoneCode, false, EnterpriseStatus.Approved), membership);
    }

    [Fact]
    public async Task Demo_mode_seeds_valid_enterprises_across_the_five_zones_once()
    {
        using var demo = host.WithWebHostBuilder(b => b.UseSetting("Platform:Mode", nameof(PlatformMode.Demo)));
        await using var scope = demo.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>())
        {
            await seeder.SeedAsync(CancellationToken.None); // the host seeded at start; a second run adds nothing
        }

        var directory = scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>();
        var found = new List<EnterpriseSummary>();
        foreach (var code in DemoEnterpriseCodes.All)
        {
            Assert.True(Uscc.TryParse(code, out _, out var problem), problem);
            found.Add((await directory.FindByCodeAsync(code, CancellationToken.None))!);
        }

        Assert.True(found.Count >= 20);
        Assert.Equal(["330400", "330500", "330800", "331000", "331100"], found.Select(f => f.ZoneCode).Distinct().Order());
        Assert.All(found, f => Assert.True(CustomsCode.TryParse(f.CustomsCode, out var c, out _) && c.District.StartsWith("29", StringComparison.Ordinal)));
        Assert.True(found.Count(f => f.Status == EnterpriseStatus.Approved) > found.Count / 2);
        Assert.Contains(found, f => f.Status == EnterpriseStatus.Submitted);
    }
}

public sealed class DirectoryTestsOnSqlite(SqliteHost host) : DirectoryTests(host), IClassFixture<SqliteHost>;

public sealed class DirectoryTestsOnPostgres(PostgresHost host) : DirectoryTests(host), IClassFixture<PostgresHost>;
