using System.Net;
using System.Text.RegularExpressions;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Pages;

public abstract partial class RegistryPageTests(PlatformHost host)
{
    [Fact]
    public async Task The_directory_lists_registrations_with_status_badges_and_filters()
    {
        var token = NewToken();
        var e = await host.ApprovedAsync(ValidForm(token));
        using var client = host.As(ZoneAdmin());

        var html = await client.GetStringAsync($"/registry/enterprises?q={token}");

        Assert.Contains("data-testid=\"search-box\"", html, StringComparison.Ordinal);
        Assert.Equal(1, RowIds().Count(html));
        Assert.Contains($"data-id=\"{e.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-badge\" data-status=\"Approved\">已备案", html, StringComparison.Ordinal);
        Assert.Contains("吴兴区", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_is_complete_in_English()
    {
        var token = NewToken();
        await host.ApprovedAsync(ValidForm(token));
        using var client = host.As(ZoneAdmin());

        var html = await client.GetStringAsync($"/registry/enterprises?q={token}&culture=en&ui-culture=en");

        Assert.Contains("Enterprise directory", html, StringComparison.Ordinal);
        Assert.Contains(">Approved<", html, StringComparison.Ordinal);
        Assert.Contains("Wuxing District", html, StringComparison.Ordinal);
        Assert.DoesNotContain("已备案", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_through_the_form_refreshes_the_applicants_sign_in_and_lands_on_the_detail_page()
    {
        var (username, _) = await host.SignUpAsync();
        using var client = await host.SignInAsync(username);
        var token = NewToken();
        var f = ValidForm(token);

        var response = await PostFormAsync(client, "/registry/register", new()
        {
            ["uscc"] = f.Uscc!, ["customsCode"] = f.CustomsCode!, ["nameZh"] = f.NameZh!, ["nameEn"] = "",
            ["roles"] = "ECommerceEnterprise", ["zoneCode"] = Huzhou, ["districtCode"] = "330502", ["parkId"] = "",
            ["address"] = "湖州市吴兴区测试路1号", ["legalRepresentative"] = "张三", ["registeredCapital"] = "500000",
            ["contacts[0].name"] = "李四", ["contacts[0].phone"] = "0572-1234567", ["contacts[0].email"] = "", ["contacts[0].title"] = "",
            ["contacts[1].name"] = "", ["contacts[1].phone"] = "", ["contacts[1].email"] = "", ["contacts[1].title"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"/registry/enterprises/\d+$", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(f.NameZh!, html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Submitted\"", html, StringComparison.Ordinal);
        var id = long.Parse(response.RequestMessage.RequestUri.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var me = await client.GetStringAsync("/api/v1/identity/me");
        Assert.Contains($"\"enterpriseId\":{id}", me, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"Applicant\"", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_shows_every_field_error_next_to_its_field_and_keeps_the_input()
    {
        using var client = host.As(Applicant());

        var response = await PostFormAsync(client, "/registry/register", new()
        {
            ["uscc"] = "91330502MA2B3C4D5O", ["customsCode"] = "12", ["nameZh"] = "保留的名称", ["zoneCode"] = Huzhou, ["districtCode"] = "330402",
            ["contacts[0].name"] = "", ["contacts[0].phone"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"register-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"保留的名称\"", html, StringComparison.Ordinal);
        Assert.True(FieldErrors().Count(html) >= 7, html);
        Assert.Contains("does not belong to zone", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zone_admin_approves_on_the_detail_page_and_an_enterprise_user_sees_no_review_forms()
    {
        var e = await host.RegisterAsync(Applicant(), ValidForm());
        using var admin = host.As(ZoneAdmin());
        using var own = host.As(EnterpriseUser(e.Id));

        var ownHtml = await own.GetStringAsync($"/registry/enterprises/{e.Id}");
        var response = await PostFormAsync(admin, $"/registry/enterprises/{e.Id}", new(), handler: "approve");

        Assert.DoesNotContain("data-testid=\"approve\"", ownHtml, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"decision-done\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Approved\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"suspend-reason\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_zone_admin_sees_the_not_found_page()
    {
        var e = await host.RegisterAsync(Applicant(), ValidForm());
        using var other = host.As(ZoneAdmin(Jiaxing));

        var response = await other.GetAsync($"/registry/enterprises/{e.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(e.NameZh, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zones_page_lists_zones_districts_and_parks()
    {
        using var client = host.As(ZoneAdmin());

        var html = await client.GetStringAsync("/registry/zones");

        Assert.Contains("data-testid=\"zone-331100\"", html, StringComparison.Ordinal);
        Assert.Contains("景宁畲族自治县", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"park-form\"", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string handler = "register")
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page);
        Assert.True(token.Success, "no antiforgery token on the page");
        var content = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        content.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        content.Add(new("_handler", handler));
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"enterprise-row\"")]
    private static partial Regex RowIds();

    [GeneratedRegex("data-testid=\"field-error\"")]
    private static partial Regex FieldErrors();
}

public sealed class RegistryPageTestsOnSqlite(SqliteHost host) : RegistryPageTests(host), IClassFixture<SqliteHost>;

public sealed class RegistryPageTestsOnPostgres(PostgresHost host) : RegistryPageTests(host), IClassFixture<PostgresHost>;
