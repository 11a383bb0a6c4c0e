using System.Net;
using System.Net.Http.Json;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.AgentApi;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.AgentAuthorizations;

/// <summary>What the CEB gateway asks: may this agent send this message type for that principal now?</summary>
public abstract class AgentCheckTests(PlatformHost host)
{
    [Fact]
    public async Task A_grant_authorizes_the_listed_types_by_either_code_and_nothing_else()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());

        var granted = await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB311Message", "621", "ceb621"));

        Assert.Equal(["CEB311Message", "CEB621Message"], granted.MessageTypes);
        Assert.Equal(AgentAuthorizationStatus.Effective, granted.Status);
        Assert.Contains(EnterpriseRole.ServiceProvider, granted.Agent.Roles);
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
        Assert.True(await host.IsAuthorizedAsync(principal.CustomsCode, agent.Id, "CEB311Message"));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc.ToLowerInvariant(), agent.Id, "CEB311Message"));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB411Message"));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB622Message"));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "nonsense"));
        Assert.False(await host.IsAuthorizedAsync(agent.Uscc, principal.Id, "CEB621Message"));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id + 1_000_000, "CEB621Message"));
    }

    [Fact]
    public async Task All_declaration_types_cover_export_and_import_requests_but_not_receipts()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());

        var granted = await host.GrantAsync(admin, principal.Id, Grant(agent, "all"));

        Assert.True(granted.AllTypes);
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB303Message"));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB711Message"));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB304Message"));
    }

    [Fact]
    public async Task Outside_its_validity_an_authorization_does_not_count_and_the_last_day_is_inclusive()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());
        var (from, until) = (Day(10), Day(20));

        var granted = await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB621Message") with { ValidFrom = from, ValidUntil = until });

        Assert.Equal(AgentAuthorizationStatus.Scheduled, granted.Status);
        Assert.Equal((from, until), (granted.ValidFrom.ToString("yyyy-MM-dd", null), granted.ValidUntil?.ToString("yyyy-MM-dd", null)));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message", At(Day(9), 23, 59)));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message", At(from, 0)));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message", At(until, 23, 59)));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message", At(Day(21), 0)));
    }

    [Fact]
    public async Task A_revoked_authorization_stops_counting_at_once_on_this_node()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());
        var granted = await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB621Message"));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message")); // now cached

        var response = await host.RevokeAsync(admin, granted.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revoked = (await response.Content.ReadFromJsonAsync<AgentAuthorization>(Json))!;
        Assert.Equal((AgentAuthorizationStatus.Revoked, "合同到期", admin.UserId), (revoked.Status, revoked.RevokeReason, revoked.RevokedBy));
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
        Assert.Equal(HttpStatusCode.Conflict, (await host.RevokeAsync(admin, granted.Id)).StatusCode);
        await host.WaitForAuditAsync($"agent-authorization:{granted.Id}", "registry.agent-authorization.revoke", Kernel.Access.AuditOutcome.Succeeded);
    }

    [Fact]
    public async Task A_grant_counts_at_once_even_after_a_negative_answer_was_cached()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));

        await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB621Message"));

        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
    }

    [Fact]
    public async Task Overlapping_authorizations_of_a_pair_add_up()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());

        await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB311Message"));
        await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB621Message") with { AgentCode = agent.CustomsCode });

        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB311Message"));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
    }

    [Fact]
    public async Task A_suspended_principal_or_agent_is_not_authorized_until_reinstated()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());
        await host.GrantAsync(admin, principal.Id, Grant(agent, "CEB621Message"));
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));

        Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(principal, "suspend")).StatusCode);
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
        using (var client = host.As(admin))
        {
            var list = (await client.GetFromJsonAsync<AgentAuthorizationList>($"/api/v1/registry/enterprises/{principal.Id}/agents", Json))!;
            Assert.Equal(AgentAuthorizationStatus.Inactive, Assert.Single(list.Items).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(principal, "reinstate")).StatusCode);
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));

        Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(agent, "suspend")).StatusCode);
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
    }
}

public sealed class AgentCheckTestsOnSqlite(SqliteHost host) : AgentCheckTests(host), IClassFixture<SqliteHost>;

public sealed class AgentCheckTestsOnPostgres(PostgresHost host) : AgentCheckTests(host), IClassFixture<PostgresHost>;
