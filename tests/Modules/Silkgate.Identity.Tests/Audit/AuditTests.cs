using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Identity.Audit;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.Audit;

public abstract class AuditTests(PlatformHost host)
{
    private readonly IdentityHarness _h = IdentityHarness.For(host);

    [Fact]
    public async Task The_audit_api_is_refused_to_enterprise_users()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin);

        var response = await client.GetAsync(new Uri("/api/v1/identity/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_zone_admin_sees_only_entries_of_its_zones_actors_and_the_province_admin_sees_all()
    {
        var action = $"test.{Guid.NewGuid():N}";
        var own = new Actor(1, "own", Role.EnterpriseUser, "330000", "330500", EnterpriseId: 7);
        var other = new Actor(2, "other", Role.EnterpriseUser, "330000", "330400", EnterpriseId: 8);
        await RecordAsync(action, own, AuditOutcome.Succeeded);
        await RecordAsync(action, own, AuditOutcome.Denied);
        await RecordAsync(action, other, AuditOutcome.Succeeded);

        using var zone = _h.ClientAs(new Actor(3, "zone", Role.ZoneAdmin, "330000", "330500"));
        using var province = _h.ClientAs(new Actor(4, "province", Role.ProvinceAdmin, "330000"));
        var zonePage = await zone.GetFromJsonAsync<AuditPage>(new Uri($"/api/v1/identity/audit?action={action}", UriKind.Relative));
        var provincePage = await province.GetFromJsonAsync<AuditPage>(new Uri($"/api/v1/identity/audit?action={action}", UriKind.Relative));
        var denied = await province.GetFromJsonAsync<AuditPage>(new Uri($"/api/v1/identity/audit?action={action}&outcome=denied", UriKind.Relative));

        Assert.Equal(2, zonePage!.Total);
        Assert.All(zonePage.Items, e => Assert.Equal("330500", e.ActorZone));
        Assert.Equal(3, provincePage!.Total);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(denied!.Items).Outcome);
    }

    [Fact]
    public async Task The_audit_api_pages_and_names_bad_filters()
    {
        var action = $"test.{Guid.NewGuid():N}";
        var actor = new Actor(1, "pager", Role.ZoneAdmin, "330000", "330800");
        for (var i = 0; i < 3; i++)
        {
            await RecordAsync(action, actor, AuditOutcome.Succeeded);
        }

        using var province = _h.ClientAs(new Actor(4, "province", Role.ProvinceAdmin, "330000"));
        var second = await province.GetFromJsonAsync<AuditPage>(new Uri($"/api/v1/identity/audit?action={action}&page=2&pageSize=2", UriKind.Relative));
        var bad = await province.GetAsync(new Uri("/api/v1/identity/audit?from=2026-13-01", UriKind.Relative));

        Assert.Equal((3L, 1), (second!.Total, second.Items.Count));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"from\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_is_kept_when_the_work_it_describes_is_rolled_back()
    {
        var action = $"test.{Guid.NewGuid():N}";
        await RecordInWorkThatRollsBackAsync(action);

        await _h.Factory.Services.GetRequiredService<AuditWriter>().WhenIdleAsync();
        var count = await _h.QueryAsync<long>("SELECT COUNT(*) FROM identity_audit WHERE action = @Action", new { Action = action });
        Assert.Equal([1L], count);
    }

    /// <summary>Records a denied entry inside a transaction whose work then fails and is rolled back.</summary>
    private Task<bool> RecordInWorkThatRollsBackAsync(string action) => _h.InScopeAsync<bool>(async sp =>
    {
        var session = sp.GetRequiredService<Silkgate.Kernel.Data.DbSession>();
        var trail = sp.GetRequiredService<IAuditTrail>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.InTransactionAsync(async ct =>
        {
            await trail.RecordAsync(new AuditEntry(action, null, AuditOutcome.Denied), ct);
            throw new InvalidOperationException("rolled back");
        }, CancellationToken.None));
        return true;
    });

    [Fact]
    public async Task An_entry_recorded_inside_a_transaction_is_on_disk_when_the_work_commits()
    {
        var action = $"test.{Guid.NewGuid():N}";

        await _h.InScopeAsync(async sp =>
        {
            var session = sp.GetRequiredService<Silkgate.Kernel.Data.DbSession>();
            var trail = sp.GetRequiredService<IAuditTrail>();
            return await session.InTransactionAsync(async ct =>
            {
                await trail.RecordAsync(new AuditEntry(action, "subject", AuditOutcome.Succeeded), ct);
                return true;
            }, CancellationToken.None);
        });

        // No waiting for a background writer: committed together with the work (SQLite) or before it (PostgreSQL).
        var count = await _h.QueryAsync<long>("SELECT COUNT(*) FROM identity_audit WHERE action = @Action", new { Action = action });
        Assert.Equal([1L], count);
    }

    [Fact]
    public async Task An_entry_of_rolled_back_work_is_on_disk_before_the_failure_reaches_the_caller()
    {
        var action = $"test.{Guid.NewGuid():N}";

        await RecordInWorkThatRollsBackAsync(action);

        var count = await _h.QueryAsync<long>("SELECT COUNT(*) FROM identity_audit WHERE action = @Action", new { Action = action });
        Assert.Equal([1L], count);
    }

    private Task<bool> RecordAsync(string action, Actor actor, AuditOutcome outcome) => _h.InScopeAsync(async sp =>
    {
        await sp.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry(action, "subject", outcome), actor, CancellationToken.None);
        return true;
    });
}

public sealed class AuditTestsOnSqlite(SqliteHost host) : AuditTests(host), IClassFixture<SqliteHost>;

public sealed class AuditTestsOnPostgres(PostgresHost host) : AuditTests(host), IClassFixture<PostgresHost>;
