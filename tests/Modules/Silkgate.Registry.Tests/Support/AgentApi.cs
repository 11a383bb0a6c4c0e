using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Support;

/// <summary>Helpers for declaring-agent authorizations: enterprises with admins, grants, dates in China Standard Time, and the gateway check.</summary>
public static class AgentApi
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>An approved enterprise and an admin actor of it.</summary>
    public static async Task<(EnterpriseDetails Enterprise, Actor Admin)> EnterpriseWithAdminAsync(this PlatformHost host, EnterpriseForm? form = null)
    {
        var e = await host.ApprovedAsync(form);
        return (e, EnterpriseUser(e.Id, admin: true));
    }

    /// <summary>A service provider (服务商) in Jiaxing, approved.</summary>
    public static EnterpriseForm ServiceProviderForm() =>
        ValidForm(zone: Jiaxing, district: "330402") with { Roles = ["ServiceProvider", "Logistics"] };

    /// <summary>The day <paramref name="offset"/> days from today (CST), as yyyy-MM-dd.</summary>
    public static string Day(int offset) =>
        DateTimeOffset.UtcNow.ToOffset(Cst).Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant of <paramref name="day"/> at the given CST time.</summary>
    public static long At(string day, int hour = 12, int minute = 0) =>
        new DateTimeOffset(DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(hour).AddMinutes(minute), Cst).ToUnixTimeMilliseconds();

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static AgentAuthorizationForm Grant(EnterpriseDetails agent, params string[] types) =>
        new(agent.Uscc, types, Day(0), null, "测试授权");

    public static async Task<HttpResponseMessage> PostGrantAsync(this PlatformHost host, Actor actor, long principalId, AgentAuthorizationForm form)
    {
        using var client = host.As(actor);
        return await Buffered(await client.PostAsJsonAsync($"/api/v1/registry/enterprises/{principalId}/agents", form, Json));
    }

    public static async Task<AgentAuthorization> GrantAsync(this PlatformHost host, Actor admin, long principalId, AgentAuthorizationForm form)
    {
        var response = await host.PostGrantAsync(admin, principalId, form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AgentAuthorization>(Json))!;
    }

    public static async Task<HttpResponseMessage> RevokeAsync(this PlatformHost host, Actor actor, long authorizationId)
    {
        using var client = host.As(actor);
        return await Buffered(await client.PostAsJsonAsync($"/api/v1/registry/agent-authorizations/{authorizationId}/revoke", new { reason = "合同到期" }, Json));
    }

    public static async Task<HttpResponseMessage> DecideAsync(this PlatformHost host, EnterpriseDetails e, string verb)
    {
        using var client = host.As(ZoneAdmin(e.ZoneCode));
        return await Buffered(await client.PostAsJsonAsync($"/api/v1/registry/enterprises/{e.Id}/{verb}", new { reason = "测试" }, Json));
    }

    /// <summary>Reads the body before the client (which owns it) is disposed.</summary>
    private static async Task<HttpResponseMessage> Buffered(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The gateway's check, from the same node (service provider) that serves the API calls.</summary>
    public static Task<bool> IsAuthorizedAsync(this PlatformHost host, string principalCode, long agentId, string type, long? at = null) =>
        host.Services.GetRequiredService<IAgentAuthorizations>().IsAuthorizedAsync(principalCode, agentId, type, at ?? Now, CancellationToken.None);
}
