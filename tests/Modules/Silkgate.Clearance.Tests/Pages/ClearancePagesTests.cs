using System.Net;
using System.Text.RegularExpressions;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Pages;

public abstract class ClearancePagesTests(PlatformHost host)
{
    [Fact]
    public async Task An_enterprise_sees_its_sale_with_timeline_and_the_mismatch_with_both_values()
    {
        var sender = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(sender.User);
        var sale = await host.SendMismatchingSaleAsync(sender);

        var (listStatus, list) = await PageHost.GetAsync(client, $"/clearance/sales?orderNo={sale.OrderNo}&state=Mismatched");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("data-scope=\"Enterprise\"", list, StringComparison.Ordinal);
        Assert.Contains($"data-order-no=\"{sale.OrderNo}\"", list, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Mismatched\"", list, StringComparison.Ordinal);

        var id = await PageHost.SaleIdAsync(client, sale.OrderNo);
        var (status, html) = await PageHost.GetAsync(client, $"/clearance/sales/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, Count(html, "data-testid=\"timeline-row\""));
        Assert.Contains("data-kind=\"Order\"", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Payment\"", html, StringComparison.Ordinal);
        Assert.Contains(sender.Enterprise.NameZh, html, StringComparison.Ordinal);
        Assert.Contains("data-check=\"OrderPaidMustEqualPaymentAmount\"", html, StringComparison.Ordinal);
        var zh = Cell(html, "mismatch-text-zh");
        var en = Cell(html, "mismatch-text-en");
        var orderValue = Cell(html, "value-a");
        Assert.Equal("1", Cell(html, "value-b"));
        Assert.False(string.IsNullOrWhiteSpace(orderValue));
        Assert.Contains($"订单为[{orderValue}]", zh, StringComparison.Ordinal);
        Assert.Contains("支付单为[1]", zh, StringComparison.Ordinal);
        Assert.Contains($"[{orderValue}] in the order", en, StringComparison.Ordinal);
        Assert.Contains("[1] in the payment", en, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Waybill\"", WaitingFor(html), StringComparison.Ordinal);
        Assert.Contains("data-kind=\"DeclarationList\"", WaitingFor(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sale_page_is_complete_in_English()
    {
        var sender = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(sender.User);
        var sale = await host.SendMismatchingSaleAsync(sender);
        var id = await PageHost.SaleIdAsync(client, sale.OrderNo);

        var (_, html) = await PageHost.GetAsync(client, $"/clearance/sales/{id}?culture=en&ui-culture=en");

        Assert.Contains("Document timeline", html, StringComparison.Ordinal);
        Assert.Contains(">Payment<", html, StringComparison.Ordinal);
        Assert.Contains(">Mismatched<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("单证时间线", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_enterprise_gets_not_found_for_the_sale_and_the_attempt_is_audited()
    {
        var sender = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(sender.User);
        var sale = await host.SendMismatchingSaleAsync(sender);
        var id = await PageHost.SaleIdAsync(client, sale.OrderNo);
        var other = await host.NewEnterpriseAsync();
        using var otherClient = host.CreateClientAs(other.User);

        var (status, html) = await PageHost.GetAsync(otherClient, $"/clearance/sales/{id}");
        var (_, list) = await PageHost.GetAsync(otherClient, $"/clearance/sales?orderNo={sale.OrderNo}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain(sale.OrderNo, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-results\"", list, StringComparison.Ordinal);
        var denied = await host.WaitForAuditAsync($"sale:{id}", "clearance.sale.read", AuditOutcome.Denied);
        Assert.Equal(other.User.EnterpriseId, denied.ActorEnterpriseId);
    }

    [Fact]
    public async Task A_zone_admin_sees_the_zone_view_and_statistics_but_not_another_zones_sale()
    {
        var sender = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(sender.User);
        var sale = await host.SendMismatchingSaleAsync(sender);
        var id = await PageHost.SaleIdAsync(client, sale.OrderNo);
        using var admin = host.CreateClientAs(PageHost.ZoneAdmin(PageHost.Zone));
        using var otherAdmin = host.CreateClientAs(PageHost.ZoneAdmin("339900"));

        var (_, list) = await PageHost.GetAsync(admin, $"/clearance/sales?orderNo={sale.OrderNo}");
        var (detailStatus, detail) = await PageHost.GetAsync(admin, $"/clearance/sales/{id}");
        var (statsStatus, stats) = await PageHost.GetAsync(admin, "/clearance/statistics");
        var (otherStatus, _) = await PageHost.GetAsync(otherAdmin, $"/clearance/sales/{id}");
        var (_, otherList) = await PageHost.GetAsync(otherAdmin, $"/clearance/sales?orderNo={sale.OrderNo}");

        Assert.Contains("data-scope=\"Zone\"", list, StringComparison.Ordinal);
        Assert.Contains($"data-order-no=\"{sale.OrderNo}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.Contains("data-check=\"OrderPaidMustEqualPaymentAmount\"", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, statsStatus);
        Assert.Contains("data-testid=\"check-row\" data-check=\"OrderPaidMustEqualPaymentAmount\"", stats, StringComparison.Ordinal);
        Assert.Matches("data-state=\"Mismatched\"><span[^>]*>[^<]*</span> <strong>[1-9]", stats);
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Contains("data-testid=\"no-results\"", otherList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sale_shows_the_portals_not_found_page_in_the_readers_language()
    {
        var tenant = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(tenant.User);

        using var zh = await client.GetAsync(new Uri("/clearance/sales/987654321", UriKind.Relative));
        using var en = await client.GetAsync(new Uri("/clearance/sales/987654321?culture=en&ui-culture=en", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (zh.StatusCode, zh.Content.Headers.ContentType?.MediaType));
        var html = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("<h1>页面不存在</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"current-user\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, en.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await en.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/clearance/no-such-page")]
    [InlineData("/clearance/sales/not-a-number")]
    public async Task An_unknown_portal_address_shows_the_not_found_page(string path)
    {
        var tenant = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(tenant.User);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<h1>页面不存在</h1>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/ceb/no-such-endpoint")]
    [InlineData("/api/v1/registry/enterprises/987654321")]
    public async Task An_unknown_api_address_keeps_its_problem_details(string path)
    {
        using var client = host.CreateClientAs(PageHost.ZoneAdmin(PageHost.Zone));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Statistics_are_refused_to_an_enterprise_user()
    {
        var tenant = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(tenant.User);

        var (status, html) = await PageHost.GetAsync(client, "/clearance/statistics");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("data-testid=\"stats-forbidden\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"check-table\"", html, StringComparison.Ordinal);
    }

    private static int Count(string html, string needle) => Regex.Count(html, Regex.Escape(needle));

    private static string Cell(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">(?:<small>)?([^<]*)<");
        Assert.True(match.Success, $"{testId} is shown");
        return match.Groups[1].Value;
    }

    private static string WaitingFor(string html)
    {
        var match = Regex.Match(html, "<ul data-testid=\"waiting-for\">(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(match.Success, "the waiting-for list is shown");
        return match.Groups[1].Value;
    }
}

public sealed class ClearancePagesTestsOnSqlite(SqliteHost host) : ClearancePagesTests(host), IClassFixture<SqliteHost>;

public sealed class ClearancePagesTestsOnPostgres(PostgresHost host) : ClearancePagesTests(host), IClassFixture<PostgresHost>;
