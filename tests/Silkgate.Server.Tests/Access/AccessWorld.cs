using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Access;

/// <summary>Who calls in the access sweep.</summary>
public enum Caller
{
    ProvinceAdmin,
    ZoneAdminOwnZone,
    ZoneAdminOtherZone,
    AgencyOfficer,
    EnterpriseAdminOwn,
    EnterpriseUserOtherEnterprise,
    Applicant,
    Anonymous,
    ApiKeyOwn,
}

/// <summary>
/// The parties of the access sweep, made once per host through the real modules: two approved enterprises in Huzhou
/// ("own" and "other"), the own enterprise's admin as a real account signed in with the login form (cookie), and an API
/// key that admin created. Everybody else acts through the test actor scheme.
/// </summary>
internal sealed class AccessWorld
{
    public const string Zone = "330500";
    public const string OtherZone = "330400";

    private static readonly ConditionalWeakTable<PlatformHost, Lazy<Task<AccessWorld>>> Worlds = [];

    private AccessWorld(PlatformHost host) => Host = host;

    public PlatformHost Host { get; }

    public EnterpriseDetails Own { get; private set; } = null!;

    public EnterpriseDetails Other { get; private set; } = null!;

    public HttpClient AdminCookie { get; private set; } = null!;

    public long AdminUserId { get; private set; }

    public string ApiKey { get; private set; } = "";

    public long ApiKeyUserId { get; private set; }

    public static Task<AccessWorld> ForAsync(PlatformHost host) =>
        Worlds.GetValue(host, h => new Lazy<Task<AccessWorld>>(() => CreateAsync(h))).Value;

    private static async Task<AccessWorld> CreateAsync(PlatformHost host)
    {
        var world = new AccessWorld(host)
        {
            Own = await host.CreateEnterpriseAsync(Zone),
            Other = await host.CreateEnterpriseAsync(Zone),
        };
        var (username, applicant) = await host.SignUpAsync("seller");
        await host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IEnterpriseDirectory>().AddMemberAsync(world.Own.Id, applicant.UserId, isAdmin: true, CancellationToken.None);
            return true;
        });
        world.AdminUserId = applicant.UserId;
        world.AdminCookie = await host.SignInAsync(username);
        var created = await world.AdminCookie.PostAsJsonAsync(new Uri("/api/v1/identity/api-keys", UriKind.Relative), new { name = "sweep" });
        created.EnsureSuccessStatusCode();
        world.ApiKey = (await created.Content.ReadFromJsonAsync<CreatedApiKey>(TestEnterprises.Json))!.Key;
        using var system = world.KeyClient();
        var me = await system.GetFromJsonAsync<Dictionary<string, object?>>(new Uri("/api/v1/identity/me", UriKind.Relative));
        world.ApiKeyUserId = long.Parse(me!["userId"]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture);
        return world;
    }

    public HttpClient KeyClient()
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A client for the caller, and the user id its audit entries carry (null for anonymous).</summary>
    public (HttpClient Client, long? UserId, bool Shared) ClientFor(Caller caller)
    {
        Actor? actor = caller switch
        {
            Caller.ProvinceAdmin => TestEnterprises.ProvinceAdmin(),
            Caller.ZoneAdminOwnZone => TestEnterprises.ZoneAdmin(Zone),
            Caller.ZoneAdminOtherZone => TestEnterprises.ZoneAdmin(OtherZone),
            Caller.AgencyOfficer => new Actor(TestEnterprises.NewUserId(), "海关关员", Role.AgencyOfficer, TestEnterprises.Province, Zone, Agency.Customs),
            Caller.EnterpriseUserOtherEnterprise => new Actor(TestEnterprises.NewUserId(), "别家企业用户", Role.EnterpriseUser, TestEnterprises.Province, Zone, EnterpriseId: Other.Id),
            Caller.Applicant => new Actor(TestEnterprises.NewUserId(), "申请人", Role.Applicant, TestEnterprises.Province),
            _ => null,
        };
        return caller switch
        {
            Caller.EnterpriseAdminOwn => (AdminCookie, AdminUserId, true),
            Caller.ApiKeyOwn => (KeyClient(), ApiKeyUserId, false),
            Caller.Anonymous => (Host.CreateClient(), null, false),
            _ => (Host.CreateClientAs(actor!), actor!.UserId, false),
        };
    }
}
