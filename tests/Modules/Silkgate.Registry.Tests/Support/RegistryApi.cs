using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Registry.Tests.Support;

/// <summary>Clients acting as actors and builders of valid registrations; audit entries are read from the real log (<see cref="AuditLogProbe"/>).</summary>
public static class RegistryApi
{
    public const string Province = "330000";
    public const string Huzhou = "330500";
    public const string Jiaxing = "330400";

    private static long _nextUser = 100_000 + RandomNumberGenerator.GetInt32(1_000_000);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HttpClient As(this PlatformHost host, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.CreateClientAs(actor);
    }

    public static long NewUserId() => Interlocked.Increment(ref _nextUser);

    public static Actor ProvinceAdmin() => new(NewUserId(), "省管理员", Role.ProvinceAdmin, Province);

    public static Actor ZoneAdmin(string zone = Huzhou) => new(NewUserId(), "综试区管理员", Role.ZoneAdmin, Province, zone);

    public static Actor Applicant() => new(NewUserId(), "申请人", Role.Applicant, Province);

    public static Actor EnterpriseUser(long enterpriseId, bool admin = false) =>
        new(NewUserId(), "企业用户", admin ? Role.EnterpriseAdmin : Role.EnterpriseUser, Province, EnterpriseId: enterpriseId);

    public static Actor Officer(string? zone = Huzhou) => new(NewUserId(), "海关关员", Role.AgencyOfficer, Province, zone, Agency.Customs);

    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static string NewUscc()
    {
        var first17 = "91330502" + new string(Enumerable.Range(0, 9).Select(_ => UsccAlphabet[RandomNumberGenerator.GetInt32(31)]).ToArray());
        return first17 + Uscc.CheckCharacter(first17);
    }

    public static string NewCustomsCode() => "2907" + RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewToken() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid registration in Huzhou, 吴兴区, named with <paramref name="token"/> so a test can find its own rows.</summary>
    public static EnterpriseForm ValidForm(string? token = null, string zone = Huzhou, string district = "330502") => new(
        NewUscc(), NewCustomsCode(), $"湖州测试跨境电商有限公司{token ?? NewToken()}", "Huzhou Test CBEC Co., Ltd.",
        ["ECommerceEnterprise"], zone, district, null, "湖州市吴兴区测试路1号", "张三", 1_000_000m,
        [new ContactForm("李四", "0572-1234567", "li.si@example.com", "经理")]);

    public static async Task<EnterpriseDetails> RegisterAsync(this PlatformHost host, Actor actor, EnterpriseForm form)
    {
        using var client = host.As(actor);
        var response = await client.PostAsJsonAsync("/api/v1/registry/enterprises", form, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetails>(Json))!;
    }

    /// <summary>Registers through a zone admin and returns it approved.</summary>
    public static async Task<EnterpriseDetails> ApprovedAsync(this PlatformHost host, EnterpriseForm? form = null)
    {
        form ??= ValidForm();
        var admin = ZoneAdmin(form.ZoneCode!);
        var e = await host.RegisterAsync(admin, form);
        using var client = host.As(admin);
        var response = await client.PostAsync($"/api/v1/registry/enterprises/{e.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetails>(Json))!;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    /// <summary>The fields named by a problem document's <c>errors</c>.</summary>
    public static async Task<string[]> ProblemFieldsAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response);
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(p => p.Name).Order().ToArray()
            : [];
    }
}
