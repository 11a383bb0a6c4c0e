using Silkgate.Identity.Contracts;
using System.Net;
using System.Net.Http.Json;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.AgentApi;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.AgentAuthorizations;

/// <summary>Who may grant, revoke and see declaring-agent authorizations, and how bad input is answered.</summary>
public abstract class AgentAccessTests(PlatformHost host)
{
    [Fact]
    public async Task Only_the_principals_admin_may_grant_and_every_refusal_is_audited()
    {
        var (principal, _) = await host.EnterpriseWithAdminAsync();
        var (agent, agentAdmin) = await host.EnterpriseWithAdminAsync(ServiceProviderForm());
        var form = Grant(agent, "CEB621Message");

        var byUser = await host.PostGrantAsync(EnterpriseUser(principal.Id), principal.Id, form);
        var byZoneAdmin = await host.PostGrantAsync(ZoneAdmin(principal.ZoneCode), principal.Id, form);
        var byAgent = await host.PostGrantAsync(agentAdmin, principal.Id, form);

        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byZoneAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byAgent.StatusCode);
        static int DeniedGrants(IReadOnlyList<AuditRecord> log) => log.Count(a => a is { Action: "registry.agent-authorization.grant", Outcome: AuditOutcome.Denied });
        var log = await host.WaitForAuditAsync($"enterprise:{principal.Id}", l => DeniedGrants(l) >= 3);
        Assert.Equal(3, DeniedGrants(log));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
    }

    [Fact]
    public async Task Only_the_principals_admin_may_revoke_others_get_403_or_404_and_are_audited()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var (agent, agentAdmin) = await host.EnterpriseWithAdminAsync(ServiceProviderForm());
        var (_, strangerAdmin) = await host.EnterpriseWithAdminAsync();
        var granted = await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB621Message"));

        Assert.Equal(HttpStatusCode.Forbidden, (await host.RevokeAsync(agentAdmin, granted.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.RevokeAsync(ZoneAdmin(agent.ZoneCode), granted.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.RevokeAsync(ProvinceAdmin(), granted.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.RevokeAsync(strangerAdmin, granted.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.RevokeAsync(admin, granted.Id + 1_000_000)).StatusCode);

        static int DeniedRevokes(IReadOnlyList<AuditRecord> log) => log.Count(a => a is { Action: "registry.agent-authorization.revoke", Outcome: AuditOutcome.Denied });
        var log = await host.WaitForAuditAsync($"agent-authorization:{granted.Id}", l => DeniedRevokes(l) >= 4);
        Assert.Equal(4, DeniedRevokes(log));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
    }

    [Fact]
    public async Task Both_parties_their_zone_admins_the_province_and_zone_officers_see_it_others_do_not()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var (agent, agentAdmin) = await host.EnterpriseWithAdminAsync(ServiceProviderForm());
        var granted = await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB621Message"));

        async Task<(HttpStatusCode Status, AgentAuthorizationList? List)> ListAsync(Actor actor, long id, string side)
        {
            using var client = host.As(actor);
            var response = await client.GetAsync($"/api/v1/registry/enterprises/{id}/{side}");
            return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<AgentAuthorizationList>(Json) : null);
        }

        var own = await ListAsync(admin, principal.Id, "agents");
        Assert.True(own.List!.MayManage);
        Assert.Equal(granted.Id, Assert.Single(own.List.Items).Id);
        Assert.False((await ListAsync(EnterpriseUser(principal.Id), principal.Id, "agents")).List!.MayManage);
        var received = await ListAsync(agentAdmin, agent.Id, "principals");
        Assert.Equal((granted.Id, false), (Assert.Single(received.List!.Items).Id, received.List.MayManage));
        Assert.Equal(principal.Id, received.List.Items[0].Principal.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await ListAsync(agentAdmin, principal.Id, "agents")).Status);
        Assert.Single((await ListAsync(ZoneAdmin(Jiaxing), agent.Id, "principals")).List!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await ListAsync(ZoneAdmin(Jiaxing), principal.Id, "agents")).Status);
        Assert.False((await ListAsync(ZoneAdmin(Huzhou), principal.Id, "agents")).List!.MayManage);
        Assert.Single((await ListAsync(ProvinceAdmin(), principal.Id, "agents")).List!.Items);
        Assert.Single((await ListAsync(Officer(Huzhou), principal.Id, "agents")).List!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await ListAsync(Officer(Huzhou), agent.Id, "principals")).Status);
        await host.WaitForAuditAsync($"enterprise:{principal.Id}", "registry.agent-authorization.read", AuditOutcome.Succeeded);
        await host.WaitForAuditAsync($"enterprise:{principal.Id}", "registry.agent-authorization.read", AuditOutcome.Denied);
    }

    [Fact]
    public async Task Validation_names_every_field_at_fault()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();

        var empty = await host.PostGrantAsync(admin, principal.Id, new AgentAuthorizationForm(null, null, null, null, null));
        var bad = await host.PostGrantAsync(admin, principal.Id,
            new AgentAuthorizationForm("91330502XXXXXXXXX0", ["CEB999Message", "CEB622Message", "CEB621Message"], Day(-1), "2026-13-01", new string('注', 501)));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["agentCode", "messageTypes", "validFrom"], Fields(await ProblemAsync(empty)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await ProblemAsync(bad);
        Assert.Equal(["agentCode", "messageTypes[0]", "messageTypes[1]", "note", "validFrom", "validUntil"], Fields(problem));
        var codes = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains("agent.unknown", codes);
        Assert.Contains("message-type.unknown", codes);
        Assert.Contains("validFrom.past", codes);
        Assert.Contains("date.format", codes);
    }

    [Fact]
    public async Task The_agent_must_be_another_approved_enterprise_and_the_period_must_not_end_before_it_starts()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var submitted = await host.RegisterAsync(Applicant(), ServiceProviderForm());
        var agent = await host.ApprovedAsync(ServiceProviderForm());

        var self = await host.PostGrantAsync(admin, principal.Id, Grant(principal, "CEB621Message"));
        var notApproved = await host.PostGrantAsync(admin, principal.Id, Grant(submitted, "CEB621Message"));
        var backwards = await host.PostGrantAsync(admin, principal.Id, Grant(agent, "CEB621Message") with { ValidFrom = Day(5), ValidUntil = Day(4) });

        Assert.Equal("agent.self", (await ProblemAsync(self)).GetProperty("code").GetString());
        var refused = await ProblemAsync(notApproved);
        Assert.Equal("agent.not-approved", refused.GetProperty("code").GetString());
        Assert.Equal(["agentCode"], Fields(refused));
        Assert.Equal(["validUntil"], Fields(await ProblemAsync(backwards)));
        using var client = host.As(admin);
        Assert.Empty((await client.GetFromJsonAsync<AgentAuthorizationList>($"/api/v1/registry/enterprises/{principal.Id}/agents", Json))!.Items);
    }

    [Fact]
    public async Task A_principal_that_is_not_approved_cannot_grant()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());
        await host.DecideAsync(principal, "suspend");

        var response = await host.PostGrantAsync(admin, principal.Id, Grant(agent, "CEB621Message"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("principal.not-approved", (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    private static string[] Fields(System.Text.Json.JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}

public sealed class AgentAccessTestsOnSqlite(SqliteHost host) : AgentAccessTests(host), IClassFixture<SqliteHost>;

public sealed class AgentAccessTestsOnPostgres(PostgresHost host) : AgentAccessTests(host), IClassFixture<PostgresHost>;
