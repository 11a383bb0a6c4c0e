using System.Net;
using System.Text.RegularExpressions;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.AgentApi;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Pages;

public abstract partial class AgentAuthorizationPageTests(PlatformHost host)
{
    [Fact]
    public async Task The_principals_admin_grants_and_revokes_on_the_detail_page()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var agent = await host.ApprovedAsync(ServiceProviderForm());
        using var client = host.As(admin);
        var url = $"/registry/enterprises/{principal.Id}";

        var page = await client.GetStringAsync(url);
        Assert.Contains("data-testid=\"grant-form\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"type-CEB303Message\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"type-CEB621Message\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"type-CEB622Message\"", page, StringComparison.Ordinal);

        var granted = await PostAsync(client, url, "grant-agent",
            ("agentCode", agent.CustomsCode), ("messageTypes", "CEB311Message"), ("messageTypes", "CEB621Message"), ("validFrom", Day(0)), ("validUntil", ""), ("note", ""));
        var html = await granted.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"agents-done\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Effective\"", html, StringComparison.Ordinal);
        Assert.Contains(agent.NameZh, html, StringComparison.Ordinal);
        Assert.Contains("服务商", html, StringComparison.Ordinal);
        Assert.True(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));

        var id = RevokeButton().Match(html).Groups[1].Value;
        var revoked = await PostAsync(client, url, $"revoke-agent-{id}");

        Assert.Contains("data-status=\"Revoked\"", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await host.IsAuthorizedAsync(principal.Uscc, agent.Id, "CEB621Message"));
    }

    [Fact]
    public async Task The_grant_form_shows_errors_next_to_the_fields()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        using var client = host.As(admin);

        var response = await PostAsync(client, $"/registry/enterprises/{principal.Id}", "grant-agent", ("agentCode", "2907999999"), ("validFrom", Day(0)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(2, FieldError().Count(html));
        Assert.Contains("value=\"2907999999\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_sees_its_principals_read_only_in_English()
    {
        var (principal, admin) = await host.EnterpriseWithAdminAsync();
        var (agent, agentAdmin) = await host.EnterpriseWithAdminAsync(ServiceProviderForm());
        await host.GrantAsync(admin, principal.Id, Grant(agent, "all"));
        using var client = host.As(agentAdmin);

        var html = await client.GetStringAsync($"/registry/enterprises/{agent.Id}?culture=en&ui-culture=en");

        Assert.Contains("Declaring agents", html, StringComparison.Ordinal);
        Assert.Contains("All declaration types", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/registry/enterprises/{principal.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"revoke-", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"grant-form\"", html, StringComparison.Ordinal); // for its own agents, as a principal
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, params (string Key, string Value)[] fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page);
        Assert.True(token.Success, "no antiforgery token on the page");
        var content = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        content.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        content.Add(new("_handler", handler));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(content));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"revoke-(\\d+)\"")]
    private static partial Regex RevokeButton();

    [GeneratedRegex("data-testid=\"field-error\"")]
    private static partial Regex FieldError();
}

public sealed class AgentAuthorizationPageTestsOnSqlite(SqliteHost host) : AgentAuthorizationPageTests(host), IClassFixture<SqliteHost>;

public sealed class AgentAuthorizationPageTestsOnPostgres(PostgresHost host) : AgentAuthorizationPageTests(host), IClassFixture<PostgresHost>;
