using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;
using Xunit;

namespace Silkgate.Testing;

/// <summary>
/// Enterprises made through the real registry API, acting as a zone admin of the enterprise's zone: valid codes,
/// one district per zone, approve/suspend through the same API. For tests of other modules that need enterprises.
/// </summary>
public static class TestEnterprises
{
    public const string Province = "330000";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Zone → (a district of it, the customs district its customs codes start with).</summary>
    private static readonly Dictionary<string, (string District, string Customs)> Zones = new(StringComparer.Ordinal)
    {
        ["330500"] = ("330502", "2907"),
        ["330400"] = ("330402", "2908"),
        ["330800"] = ("330802", "2917"),
        ["331000"] = ("331002", "2905"),
        ["331100"] = ("331102", "2915"),
    };

    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static long _nextUserId = 500_000_000 + RandomNumberGenerator.GetInt32(100_000_000);

    /// <summary>A user id no real account has (tests acting through <see cref="TestActorHandler"/>).</summary>
    public static long NewUserId() => Interlocked.Increment(ref _nextUserId);

    public static Actor ZoneAdmin(string zone = "330500") => new(NewUserId(), "综试区管理员", Role.ZoneAdmin, Province, zone);

    public static Actor ProvinceAdmin() => new(NewUserId(), "省管理员", Role.ProvinceAdmin, Province);

    /// <summary>A valid USCC (GB 32100 check character computed) in the given district.</summary>
    public static string NewUscc(string district = "330502")
    {
        var first17 = "91" + district + new string(Enumerable.Range(0, 9).Select(_ => UsccAlphabet[RandomNumberGenerator.GetInt32(UsccAlphabet.Length)]).ToArray());
        return first17 + Uscc.CheckCharacter(first17);
    }

    /// <summary>A customs registration code of the zone's customs district.</summary>
    public static string NewCustomsCode(string zone = "330500") =>
        Zones[zone].Customs + RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string DistrictOf(string zone) => Zones[zone].District;

    public static string NewToken() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A complete, valid registration in <paramref name="zone"/>, named with <paramref name="token"/>.</summary>
    public static EnterpriseForm Form(string zone = "330500", string? token = null) => new(
        NewUscc(Zones[zone].District), NewCustomsCode(zone), $"测试跨境电商有限公司{token ?? NewToken()}", "Test CBEC Co., Ltd.",
        [nameof(EnterpriseRole.ECommerceEnterprise)], zone, Zones[zone].District, null, "测试路1号", "张三", 1_000_000m,
        [new ContactForm("李四", "0572-1234567", "li.si@example.com", "经理")]);

    /// <summary>Registers through the API as <paramref name="client"/>'s actor; fails the test unless 201.</summary>
    public static async Task<EnterpriseDetails> RegisterAsync(HttpClient client, EnterpriseForm form)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/registry/enterprises", UriKind.Relative), form, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetails>(Json))!;
    }

    /// <summary>Approve, reject, suspend or reinstate through the API; fails the test unless 200.</summary>
    public static async Task<EnterpriseDetails> DecideAsync(HttpClient client, long enterpriseId, EnterpriseDecision decision, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var path = $"/api/v1/registry/enterprises/{enterpriseId}/{decision.ToString().ToLowerInvariant()}";
        var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { reason = reason ?? (decision is EnterpriseDecision.Reject or EnterpriseDecision.Suspend ? "测试原因" : null) }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetails>(Json))!;
    }

    /// <summary>
    /// An enterprise in <paramref name="zone"/>, registered by a zone admin of that zone and brought to
    /// <paramref name="status"/> (Approved by default) through the registry API.
    /// </summary>
    public static async Task<EnterpriseDetails> CreateEnterpriseAsync(this WebApplicationFactory<Program> app, string zone = "330500",
        EnterpriseStatus status = EnterpriseStatus.Approved, string? token = null)
    {
        using var admin = app.CreateClientAs(ZoneAdmin(zone));
        var e = await RegisterAsync(admin, Form(zone, token));
        return status switch
        {
            EnterpriseStatus.Submitted => e,
            EnterpriseStatus.Approved => await DecideAsync(admin, e.Id, EnterpriseDecision.Approve),
            EnterpriseStatus.Rejected => await DecideAsync(admin, e.Id, EnterpriseDecision.Reject),
            _ => await DecideAsync(admin, (await DecideAsync(admin, e.Id, EnterpriseDecision.Approve)).Id, EnterpriseDecision.Suspend),
        };
    }

    /// <summary>Decides on an enterprise as a zone admin of its zone.</summary>
    public static async Task<EnterpriseDetails> DecideAsync(this WebApplicationFactory<Program> app, EnterpriseDetails enterprise, EnterpriseDecision decision)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        using var admin = app.CreateClientAs(ZoneAdmin(enterprise.ZoneCode));
        return await DecideAsync(admin, enterprise.Id, decision);
    }
}
