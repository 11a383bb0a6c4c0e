using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Pages;

/// <summary>The overview page for each kind of visitor, and the registry counts behind it.</summary>
public abstract partial class HomePageTests(PlatformHost host)
{
    [Fact]
    public async Task An_anonymous_visitor_is_welcomed_with_sign_in_and_sign_up_and_the_provinces_zones()
    {
        using var client = host.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"home-welcome\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\" data-testid=\"home-sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/signup\" data-testid=\"home-sign-up\"", html, StringComparison.Ordinal);
        Assert.Contains("湖州市", html, StringComparison.Ordinal);
        Assert.Contains("丽水市", html, StringComparison.Ordinal);
        Assert.DoesNotContain("home-zone-table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zone_admin_sees_only_its_zone_with_approved_and_pending_counts()
    {
        using var admin = host.CreateClientAs(TestEnterprises.ZoneAdmin("331100"));
        var before = Count(await admin.GetStringAsync(new Uri("/", UriKind.Relative)), "331100", "pending");

        await host.CreateEnterpriseAsync("331100", EnterpriseStatus.Submitted);
        await host.CreateEnterpriseAsync("331100");
        var html = await admin.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(["331100"], ZoneRow().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(before + 1, Count(html, "331100", "pending"));
        Assert.True(Count(html, "331100", "approved") >= 1);
    }

    [Fact]
    public async Task The_province_admin_sees_every_zone_and_the_English_page_is_complete()
    {
        using var province = host.CreateClientAs(TestEnterprises.ProvinceAdmin());

        var html = await province.GetStringAsync(new Uri("/?culture=en&ui-culture=en", UriKind.Relative));

        Assert.Equal(5, ZoneRow().Count(html));
        Assert.Contains("Registrations by zone", html, StringComparison.Ordinal);
        Assert.Contains("Awaiting review", html, StringComparison.Ordinal);
        Assert.DoesNotContain("待审核", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_officer_sees_approved_counts_only()
    {
        using var officer = host.CreateClientAs(new Actor(TestEnterprises.NewUserId(), "海关关员", Role.AgencyOfficer, "330000", "330800", Agency.Customs));
        await host.CreateEnterpriseAsync("330800", EnterpriseStatus.Submitted);

        var html = await officer.GetStringAsync(new Uri("/", UriKind.Relative));
        var counts = await officer.GetFromJsonAsync<List<ZoneStatusCount>>(new Uri("/api/v1/registry/statistics/zones", UriKind.Relative), TestEnterprises.Json);

        Assert.Equal(["330800"], ZoneRow().Matches(html).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("home-total-pending", html, StringComparison.Ordinal);
        Assert.All(counts!, c => Assert.Equal(("330800", EnterpriseStatus.Approved), (c.ZoneCode, c.Status)));
    }

    [Fact]
    public async Task An_applicant_is_led_to_the_registration_form_and_then_told_it_awaits_review()
    {
        var (username, _) = await host.SignUpAsync();
        using var browser = await host.SignInAsync(username);
        var first = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        var e = await TestEnterprises.RegisterAsync(browser, TestEnterprises.Form("330400"));
        var second = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"home-register\"", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/registry/enterprises/{e.Id}\"", second, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Submitted\"", second, StringComparison.Ordinal);
        Assert.Contains("正在等待综试区管理员审核", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_admin_of_an_approved_enterprise_is_offered_api_keys_and_counts_are_refused_to_it()
    {
        var e = await host.CreateEnterpriseAsync("330500");
        using var admin = host.CreateClientAs(new Actor(TestEnterprises.NewUserId(), "企业管理员", Role.EnterpriseAdmin, "330000", "330500", EnterpriseId: e.Id));

        var html = await admin.GetStringAsync(new Uri("/", UriKind.Relative));
        var counts = await admin.GetAsync(new Uri("/api/v1/registry/statistics/zones", UriKind.Relative));

        Assert.Contains("data-testid=\"home-api-keys\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Approved\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, counts.StatusCode);
    }

    private static long Count(string html, string zone, string column)
    {
        var row = Regex.Match(html, $"data-zone=\"{zone}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cell = Regex.Match(row, $"data-testid=\"{column}\">(?:<a [^>]*>)?(\\d+)").Groups[1].Value;
        return long.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-testid=\"home-zone-row\" data-zone=\"(\\d+)\"")]
    private static partial Regex ZoneRow();
}

public sealed class HomePageTestsOnSqlite(SqliteHost host) : HomePageTests(host), IClassFixture<SqliteHost>;

public sealed class HomePageTestsOnPostgres(PostgresHost host) : HomePageTests(host), IClassFixture<PostgresHost>;
