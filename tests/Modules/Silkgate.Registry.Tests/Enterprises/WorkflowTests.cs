using System.Net;
using System.Net.Http.Json;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Enterprises;

public abstract class WorkflowTests(PlatformHost host)
{
    [Fact]
    public async Task A_zone_admin_approves_suspends_and_reinstates_and_every_step_is_recorded()
    {
        var e = await host.RegisterAsync(Applicant(), ValidForm());
        var admin = ZoneAdmin();
        using var client = host.As(admin);

        var approved = await DecideAsync(client, e.Id, "approve");
        var suspended = await DecideAsync(client, e.Id, "suspend", "年报逾期");
        var reinstated = await DecideAsync(client, e.Id, "reinstate");

        Assert.Equal(EnterpriseStatus.Approved, (await Read(approved)).Status);
        var s = await Read(suspended);
        Assert.Equal((EnterpriseStatus.Suspended, "年报逾期"), (s.Status, s.StatusReason));
        Assert.Equal(EnterpriseStatus.Approved, (await Read(reinstated)).Status);
        var history = (await client.GetFromJsonAsync<List<StatusChange>>($"/api/v1/registry/enterprises/{e.Id}/history", Json))!;
        Assert.Equal(["submit", "approve", "suspend", "reinstate"], history.Select(h => h.Action));
        Assert.Equal((EnterpriseStatus.Approved, EnterpriseStatus.Suspended, "年报逾期", admin.UserId),
            (history[2].From!.Value, history[2].To, history[2].Reason, history[2].ActorUserId));
        string[] expected = ["registry.enterprise.submit", "registry.enterprise.approve", "registry.enterprise.suspend", "registry.enterprise.reinstate"];
        var entries = await host.WaitForAuditAsync($"enterprise:{e.Id}",
            list => expected.All(action => list.Any(a => a.Action == action && a.Outcome == AuditOutcome.Succeeded)));
        Assert.Contains(entries, a => a is { Action: "registry.enterprise.suspend", Detail: "年报逾期" } && a.ActorUserId == admin.UserId);
    }

    [Fact]
    public async Task Approving_twice_is_a_conflict()
    {
        var e = await host.ApprovedAsync();
        using var client = host.As(ProvinceAdmin());

        var response = await DecideAsync(client, e.Id, "approve");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["status"], await ProblemFieldsAsync(response));
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("reject")]
    public async Task Suspending_or_rejecting_needs_a_reason(string verb)
    {
        var e = verb == "suspend" ? await host.ApprovedAsync() : await host.RegisterAsync(Applicant(), ValidForm());
        using var client = host.As(ZoneAdmin());

        var response = await DecideAsync(client, e.Id, verb, "  ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["reason"], await ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task Reinstating_what_is_not_suspended_and_suspending_what_is_not_approved_are_conflicts()
    {
        var e = await host.RegisterAsync(Applicant(), ValidForm());
        using var client = host.As(ZoneAdmin());

        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(client, e.Id, "reinstate")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(client, e.Id, "suspend", "reason")).StatusCode);
    }

    [Fact]
    public async Task A_rejected_registration_is_corrected_and_resubmitted_by_its_applicant()
    {
        var applicant = Applicant();
        var form = ValidForm();
        var e = await host.RegisterAsync(applicant, form);
        using var admin = host.As(ZoneAdmin());
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(admin, e.Id, "reject", "地址不全")).StatusCode);
        using var own = host.As(applicant);

        var response = await own.PutAsJsonAsync($"/api/v1/registry/enterprises/{e.Id}", form with { Address = "湖州市吴兴区测试路1号2幢" }, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await Read(response);
        Assert.Equal((EnterpriseStatus.Submitted, null, "湖州市吴兴区测试路1号2幢"), (updated.Status, updated.StatusReason, updated.Address));
        var history = (await own.GetFromJsonAsync<List<StatusChange>>($"/api/v1/registry/enterprises/{e.Id}/history", Json))!;
        Assert.Equal(["submit", "reject", "resubmit"], history.Select(h => h.Action));
        Assert.Equal("地址不全", history[1].Reason);
    }

    [Fact]
    public async Task An_approved_registration_cannot_be_edited()
    {
        var form = ValidForm();
        var e = await host.ApprovedAsync(form);
        using var own = host.As(EnterpriseUser(e.Id, admin: true));

        var response = await own.PutAsJsonAsync($"/api/v1/registry/enterprises/{e.Id}", form with { Address = "新地址" }, Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_rejected_registration_frees_its_codes_and_is_checked_again_on_resubmission()
    {
        var applicant = Applicant();
        var form = ValidForm();
        var rejected = await host.RegisterAsync(applicant, form);
        using var admin = host.As(ZoneAdmin());
        await DecideAsync(admin, rejected.Id, "reject", "非本企业申请");

        var rightful = await host.RegisterAsync(Applicant(), ValidForm() with { Uscc = form.Uscc });
        using var own = host.As(applicant);
        var resubmitted = await own.PutAsJsonAsync($"/api/v1/registry/enterprises/{rejected.Id}", form, Json);

        Assert.Equal(form.Uscc, rightful.Uscc);
        Assert.Equal(HttpStatusCode.Conflict, resubmitted.StatusCode);
        Assert.Equal(["uscc"], await ProblemFieldsAsync(resubmitted));
    }

    [Fact]
    public async Task An_enterprise_user_cannot_approve_their_own_registration()
    {
        var e = await host.RegisterAsync(ZoneAdmin(), ValidForm());
        using var own = host.As(EnterpriseUser(e.Id, admin: true));

        var response = await DecideAsync(own, e.Id, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await host.WaitForAuditAsync($"enterprise:{e.Id}", "registry.enterprise.approve", AuditOutcome.Denied);
    }

    [Fact]
    public async Task An_agency_officer_reads_but_cannot_approve_or_suspend()
    {
        var e = await host.ApprovedAsync();
        using var officer = host.As(Officer());

        var response = await DecideAsync(officer, e.Id, "suspend", "可疑");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_zone_admin_of_another_zone_gets_404_when_deciding()
    {
        var e = await host.RegisterAsync(Applicant(), ValidForm());
        using var other = host.As(ZoneAdmin(Jiaxing));

        var response = await DecideAsync(other, e.Id, "approve");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await host.WaitForAuditAsync($"enterprise:{e.Id}", "registry.enterprise.approve", AuditOutcome.Denied);
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, long id, string verb, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/registry/enterprises/{id}/{verb}", new { reason }, Json);

    private static async Task<EnterpriseDetails> Read(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetails>(Json))!;
    }
}

public sealed class WorkflowTestsOnSqlite(SqliteHost host) : WorkflowTests(host), IClassFixture<SqliteHost>;

public sealed class WorkflowTestsOnPostgres(PostgresHost host) : WorkflowTests(host), IClassFixture<PostgresHost>;
