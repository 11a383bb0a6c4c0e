using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Silkgate.Ceb;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Pages;

public abstract class UploadPageTests
{
    private const int Limit = 256 * 1024;
    private readonly PlatformHost _host;

    protected UploadPageTests(PlatformHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Settings["Clearance:Gateway:MaxMessageBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _host = host;
    }

    [Fact]
    public async Task An_uploaded_order_is_received_as_the_enterprise_and_its_receipt_is_shown()
    {
        var sender = await _host.NewEnterpriseAsync();
        using var client = _host.CreateClientAs(sender.User);
        var sale = PageHost.NewSale();
        var order = PageHost.Order(sale, sender.Enterprise);

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
        var tenant = await _host.NewEnterpriseAsync();
        var stranger = await _host.NewEnterpriseAsync();
        using var client = _host.CreateClientAs(tenant.User);
        var order = PageHost.Order(PageHost.NewSale(), stranger.Enterprise);

        var (_, html) = await UploadAsync(client, Messages.Bytes(order));

        Assert.Contains("data-testid=\"upload-error\"", html, StringComparison.Ordinal);
        Assert.Contains("gateway.wrong-sender", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-table\"", html, StringComparison.Ordinal);
        var denied = await _host.WaitForAuditAsync($"ceb:CEB311Message:{order.Guid}", "clearance.message.upload", AuditOutcome.Denied);
        Assert.Equal(tenant.Enterprise.Id, denied.ActorEnterpriseId);
    }

    [Fact]
    public async Task A_government_user_may_not_upload()
    {
        using var client = _host.CreateClientAs(PageHost.ZoneAdmin(PageHost.Zone));
        var order = PageHost.Order(PageHost.NewSale(), (await _host.NewEnterpriseAsync()).Enterprise);

        var (_, html) = await UploadAsync(client, Messages.Bytes(order));

        Assert.Contains("data-testid=\"upload-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-table\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(4 * Limit)]
    public async Task A_file_over_the_gateway_limit_is_refused_on_the_page_with_the_limit(int size)
    {
        var sender = await _host.NewEnterpriseAsync();
        using var client = _host.CreateClientAs(sender.User);

        var (status, html) = await UploadAsync(client, new byte[size]);
        var (_, english) = await UploadAsync(client, new byte[size], "?culture=en&ui-culture=en");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("data-too-large=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("文件过大：平台只接收不超过 256 KB 的报文", html, StringComparison.Ordinal);
        Assert.Contains("The file is too large: the platform accepts messages of at most 256 KB", english, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-table\"", html, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/clearance/upload", UriKind.Relative));
        return Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>Posts the upload form as a browser would: antiforgery token from the page (its cookie stays in the client), the file as multipart.</summary>
    private static async Task<(HttpStatusCode, string)> UploadAsync(HttpClient client, byte[] file, string query = "")
    {
        var token = await TokenAsync(client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("upload-message"), "_handler" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml");
        form.Add(content, "file", "order.xml");
        var response = await client.PostAsync(new Uri("/clearance/upload" + query, UriKind.Relative), form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

public sealed class UploadPageTestsOnSqlite(SqliteHost host) : UploadPageTests(host), IClassFixture<SqliteHost>;

public sealed class UploadPageTestsOnPostgres(PostgresHost host) : UploadPageTests(host), IClassFixture<PostgresHost>;
