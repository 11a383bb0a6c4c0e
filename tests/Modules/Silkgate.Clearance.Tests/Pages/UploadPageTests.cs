using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Silkgate.Ceb;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Pages;

public abstract class UploadPageTests(PlatformHost host)
{
    private readonly PageHost _pages = PageHost.For(host);

    [Fact]
    public async Task An_uploaded_order_is_received_as_the_enterprise_and_its_receipt_is_shown()
    {
        var (sender, actor) = _pages.NewEnterprise();
        using var client = host.CreateClientAs(actor);
        var sale = PageHost.NewSale();
        var order = PageHost.Order(sale, sender);

        var (status, html) = await UploadAsync(client, Messages.Bytes(order));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"receipt-type\">CEB312", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"receipt-row\" data-status=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains(sale.OrderNo, html, StringComparison.Ordinal);
        var (_, list) = await PageHost.GetAsync(client, $"/clearance/sales?orderNo={sale.OrderNo}");
        Assert.Contains($"data-order-no=\"{sale.OrderNo}\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_for_another_enterprises_code_is_refused_and_audited()
    {
        var (_, actor) = _pages.NewEnterprise();
        var (stranger, _) = _pages.NewEnterprise();
        using var client = host.CreateClientAs(actor);
        var order = PageHost.Order(PageHost.NewSale(), stranger);

        var (_, html) = await UploadAsync(client, Messages.Bytes(order));

        Assert.Contains("data-testid=\"upload-error\"", html, StringComparison.Ordinal);
        Assert.Contains("gateway.wrong-sender", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-table\"", html, StringComparison.Ordinal);
        Assert.Contains(_pages.Audit.Entries, e => e.Action == "clearance.message.upload" && e.Outcome == AuditOutcome.Denied
            && e.Subject == $"ceb:CEB311Message:{order.Guid}");
    }

    [Fact]
    public async Task A_government_user_may_not_upload()
    {
        using var client = host.CreateClientAs(PageHost.ZoneAdmin(PageHost.Zone));
        var order = PageHost.Order(PageHost.NewSale(), _pages.NewEnterprise().Enterprise);

        var (_, html) = await UploadAsync(client, Messages.Bytes(order));

        Assert.Contains("data-testid=\"upload-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-table\"", html, StringComparison.Ordinal);
    }

    /// <summary>Posts the upload form as a browser would: antiforgery token from the page (its cookie stays in the client), the file as multipart.</summary>
    private static async Task<(HttpStatusCode, string)> UploadAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetStringAsync(new Uri("/clearance/upload", UriKind.Relative));
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("upload-message"), "_handler" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml");
        form.Add(content, "file", "order.xml");
        var response = await client.PostAsync(new Uri("/clearance/upload", UriKind.Relative), form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

public sealed class UploadPageTestsOnSqlite(SqliteHost host) : UploadPageTests(host), IClassFixture<SqliteHost>;

public sealed class UploadPageTestsOnPostgres(PostgresHost host) : UploadPageTests(host), IClassFixture<PostgresHost>;
