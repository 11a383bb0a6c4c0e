using System.Net;
using System.Net.Http.Json;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Enterprises;

public abstract class AccessTests(PlatformHost host)
{
    [Fact]
    public async Task An_enterprise_sees_only_its_own_registration_and_another_is_404_and_audited_as_denied()
    {
        var token = NewToken();
        var mine = await host.ApprovedAsync(ValidForm(token));
        var other = await host.ApprovedAsync(ValidForm(token));
        using var client = host.As(EnterpriseUser(mine.Id));

        var page = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}", Json))!;
        var response = await client.GetAsync($"/api/v1/registry/enterprises/{other.Id}");

        Assert.Equal([mine.Id], page.Items.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await host.WaitForAuditAsync($"enterprise:{other.Id}", "registry.enterprise.read", AuditOutcome.Denied);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/registry/enterprises/{other.Id}/history")).StatusCode);
    }

    [Fact]
    public async Task A_missing_enterprise_and_a_foreign_one_look_the_same()
    {
        var other = await host.ApprovedAsync();
        using var client = host.As(EnterpriseUser(other.Id + 1_000_000));

        var missing = await client.GetAsync("/api/v1/registry/enterprises/987654321");
        var foreign = await client.GetAsync($"/api/v1/registry/enterprises/{other.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missing.StatusCode, foreign.StatusCode));
        Assert.Equal((await ProblemAsync(missing)).GetProperty("title").GetString(), (await ProblemAsync(foreign)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_zone_admin_sees_only_their_zone()
    {
        var token = NewToken();
        var huzhou = await host.RegisterAsync(Applicant(), ValidForm(token));
        var jiaxing = await host.RegisterAsync(Applicant(), ValidForm(token, Jiaxing, "330402"));
        using var client = host.As(ZoneAdmin(Huzhou));

        var page = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}", Json))!;
        var foreign = await client.GetAsync($"/api/v1/registry/enterprises/{jiaxing.Id}");
        var own = await client.GetAsync($"/api/v1/registry/enterprises/{huzhou.Id}");

        Assert.Equal([huzhou.Id], page.Items.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await host.WaitForAuditAsync($"enterprise:{huzhou.Id}", "registry.enterprise.read", AuditOutcome.Succeeded);
    }

    [Fact]
    public async Task A_province_admin_sees_every_zone()
    {
        var token = NewToken();
        await host.RegisterAsync(Applicant(), ValidForm(token));
        var jiaxing = await host.RegisterAsync(Applicant(), ValidForm(token, Jiaxing, "330402"));
        using var client = host.As(ProvinceAdmin());

        var page = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}", Json))!;

        Assert.Equal(2, page.Total);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registry/enterprises/{jiaxing.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_agency_officer_shares_the_approved_registrations_of_its_zone_only_and_reads_are_audited()
    {
        var token = NewToken();
        var approved = await host.ApprovedAsync(ValidForm(token));
        var submitted = await host.RegisterAsync(Applicant(), ValidForm(token));
        var elsewhere = await host.ApprovedAsync(ValidForm(token, Jiaxing, "330411"));
        using var client = host.As(Officer(Huzhou));

        var page = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}", Json))!;

        Assert.Equal([approved.Id], page.Items.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registry/enterprises/{approved.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/registry/enterprises/{submitted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/registry/enterprises/{elsewhere.Id}")).StatusCode);
        await host.WaitForAuditAsync($"enterprise:{approved.Id}", "registry.enterprise.read", AuditOutcome.Succeeded);
    }

    [Fact]
    public async Task A_province_level_agency_officer_shares_approved_registrations_of_every_zone()
    {
        var token = NewToken();
        await host.ApprovedAsync(ValidForm(token));
        await host.ApprovedAsync(ValidForm(token, Jiaxing, "330411"));
        await host.RegisterAsync(Applicant(), ValidForm(token));
        using var client = host.As(Officer(zone: null));

        var page = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}", Json))!;

        Assert.Equal(2, page.Total);
        Assert.All(page.Items, i => Assert.Equal(EnterpriseStatus.Approved, i.Status));
    }

    [Fact]
    public async Task Another_enterprise_cannot_edit_a_registration()
    {
        var form = ValidForm();
        var e = await host.RegisterAsync(Applicant(), form);
        using var stranger = host.As(Applicant());

        var response = await stranger.PutAsJsonAsync($"/api/v1/registry/enterprises/{e.Id}", form, Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class AccessTestsOnSqlite(SqliteHost host) : AccessTests(host), IClassFixture<SqliteHost>;

public sealed class AccessTestsOnPostgres(PostgresHost host) : AccessTests(host), IClassFixture<PostgresHost>;
