using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Silkgate.Ceb;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Browser;

/// <summary>
/// An enterprise user of the demo (织里童装, clerk.huzhou) in Chromium: finds a sale in the sales list with the filters,
/// opens its timeline and mismatches in Chinese, switches to English. The sales are sent by the enterprise's system
/// through the real gateway with an API key created through Identity's API.
/// </summary>
public sealed class SaleTimelineJourneyTests(BrowserHost browser) : IClassFixture<BrowserHost>
{
    private const string DemoPassword = "Silkgate#2026";

    [Fact]
    public async Task A_mismatched_sale_found_with_the_filters_shows_its_timeline_and_mismatch_in_Chinese_then_in_English()
    {
        var seller = await SellerAsync();
        var sale = NewSale();
        await SendAsync(seller, Order(sale, seller.Enterprise), Payment(sale, seller.Enterprise, amountPaid: 1m));
        var page = await browser.NewPageAsync();
        await BrowserHost.SignInAsync(page, "clerk.huzhou", DemoPassword);

        await page.GotoAsync("/clearance/sales");
        await page.GetByTestId("filter-order-no").FillAsync(sale.OrderNo);
        await page.GetByTestId("filter-state").SelectOptionAsync("Mismatched");
        await page.GetByTestId("filter-submit").ClickAsync();
        await page.WaitForURLAsync($"**/clearance/sales?*orderNo={sale.OrderNo}*");
        var rows = page.GetByTestId("sale-row");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("Mismatched", await rows.First.GetByTestId("state-badge").GetAttributeAsync("data-state"));
        await rows.First.GetByTestId("sale-link").ClickAsync();
        await page.WaitForURLAsync("**/clearance/sales/*");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"销售 {sale.OrderNo}");

        var timeline = page.GetByTestId("timeline-row");
        Assert.Equal(2, await timeline.CountAsync());
        var timelineText = await page.GetByTestId("timeline-table").InnerTextAsync();
        Assert.Contains("订单", timelineText, StringComparison.Ordinal);
        Assert.Contains("支付单", timelineText, StringComparison.Ordinal);
        Assert.Contains("单证时间线", await page.Locator("h2").AllInnerTextsAsync(), StringComparer.Ordinal);
        var mismatch = page.Locator("[data-testid=mismatch-row][data-check=OrderPaidMustEqualPaymentAmount]");
        Assert.Equal(1, await mismatch.CountAsync());
        Assert.Equal("1", (await mismatch.GetByTestId("value-b").InnerTextAsync()).Trim());
        Assert.Contains("支付单为[1]", await mismatch.GetByTestId("mismatch-text-zh").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await mismatch.GetByTestId("mismatch-badge").InnerTextAsync());
        Assert.Equal("比对不符", (await page.Locator("h1").GetByTestId("state-badge").InnerTextAsync()).Trim());
        await RegistrationJourneyTests.ScreenshotAsync(page, "sale-mismatch-zh.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Sale {sale.OrderNo}");

        Assert.Equal("Mismatched", (await page.Locator("h1").GetByTestId("state-badge").InnerTextAsync()).Trim());
        Assert.Contains("Document timeline", await page.Locator("h2").AllInnerTextsAsync(), StringComparer.Ordinal);
        var english = await page.GetByTestId("timeline-table").InnerTextAsync();
        Assert.Contains("Payment", english, StringComparison.Ordinal);
        Assert.DoesNotContain("支付单", english, StringComparison.Ordinal);
        var englishMismatch = page.Locator("[data-testid=mismatch-row][data-check=OrderPaidMustEqualPaymentAmount]");
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", await englishMismatch.GetByTestId("mismatch-badge").InnerTextAsync());
        Assert.Contains("[1] in the payment", await englishMismatch.GetByTestId("mismatch-text-en").InnerTextAsync(), StringComparison.Ordinal);
        var waiting = await page.GetByTestId("waiting-for").InnerTextAsync();
        Assert.Contains("Waybill", waiting, StringComparison.Ordinal);
        Assert.Contains("Declaration list", waiting, StringComparison.Ordinal);
        await RegistrationJourneyTests.ScreenshotAsync(page, "sale-mismatch-en.png");
    }

    [Fact]
    public async Task A_sale_whose_four_documents_agree_shows_no_mismatch_and_nothing_missing()
    {
        var seller = await SellerAsync();
        var sale = NewSale();
        var order = Order(sale, seller.Enterprise);
        var payment = Payment(sale, seller.Enterprise, amountPaid: null);
        var waybill = sale.ImportWaybill();
        var list = sale.ImportList(v => (v.InventoryHead.EbpCode, v.InventoryHead.EbcCode, v.InventoryHead.CopNo) =
            (seller.Enterprise.Uscc, seller.Enterprise.Uscc, "C" + sale.OrderNo[^19..]));
        (waybill.BaseTransfer.CopCode, waybill.Guid) = (seller.Enterprise.CustomsCode, CebMessage.NewGuid());
        (list.BaseTransfer.CopCode, list.Guid) = (seller.Enterprise.CustomsCode, CebMessage.NewGuid());

        await SendAsync(seller, order, payment, waybill, list);
        var page = await browser.NewPageAsync();
        await BrowserHost.SignInAsync(page, "clerk.huzhou", DemoPassword);

        await page.GotoAsync("/clearance/sales");
        await page.GetByTestId("filter-order-no").FillAsync(sale.OrderNo);
        await page.GetByTestId("filter-submit").ClickAsync();
        await page.WaitForURLAsync($"**/clearance/sales?*orderNo={sale.OrderNo}*");
        var row = page.GetByTestId("sale-row");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains(await row.First.GetByTestId("state-badge").GetAttributeAsync("data-state"), new[] { "Matched", "Ready" });
        await row.First.GetByTestId("sale-link").ClickAsync();
        await page.WaitForURLAsync("**/clearance/sales/*");

        await Assertions.Expect(page.GetByTestId("no-mismatches")).ToHaveTextAsync("已到单证相互一致。");
        Assert.Equal("所需单证均已到达。", (await page.GetByTestId("waiting-for-none").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.GetByTestId("mismatch-row").CountAsync());
        var kinds = await page.GetByTestId("timeline-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind).sort()");
        Assert.Equal(["DeclarationList", "Order", "Payment", "Waybill"], kinds);
        await RegistrationJourneyTests.ScreenshotAsync(page, "sale-matched-zh.png");
    }

    private sealed record Seller(EnterpriseSummary Enterprise, string ApiKey);

    /// <summary>The demo seller's enterprise (found through the clerk's sign-in) and a new API key of its system, made by its admin through Identity's API.</summary>
    private async Task<Seller> SellerAsync()
    {
        var enterprise = await browser.Platform.InScopeAsync(async sp =>
        {
            var clerk = await sp.GetRequiredService<IAccountService>().SignInAsync("clerk.huzhou", DemoPassword, CancellationToken.None);
            return (await sp.GetRequiredService<IEnterpriseDirectory>().FindByIdAsync(clerk.Actor!.EnterpriseId!.Value, CancellationToken.None))!;
        });
        var admin = new Actor(TestEnterprises.NewUserId(), "织里童装 企业管理员", Role.EnterpriseAdmin, TestEnterprises.Province, enterprise.ZoneCode,
            EnterpriseId: enterprise.Id);
        using var client = browser.Platform.CreateClientAs(admin);
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/identity/api-keys", UriKind.Relative), new { name = "浏览器测试" }, TestEnterprises.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>(TestEnterprises.Json)).GetProperty("key").GetString()!;
        return new Seller(enterprise, key);
    }

    /// <summary>Posts each message to the gateway with the seller's key; every entity must be saved (status 1).</summary>
    private async Task SendAsync(Seller seller, params CebMessage[] messages)
    {
        using var system = browser.Platform.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", seller.ApiKey);
        foreach (var message in messages)
        {
            using var content = new ByteArrayContent(CebWriter.ToBytes(message));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
            using var response = await system.PostAsync(new Uri("/api/v1/ceb/messages", UriKind.Relative), content);
            var receipt = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, receipt);
            var statuses = System.Xml.Linq.XDocument.Parse(receipt).Descendants().Where(e => e.Name.LocalName == "returnStatus").Select(e => e.Value).ToList();
            Assert.True(statuses.Count > 0 && statuses.All(x => x == "1"), receipt);
        }
    }

    /// <summary>An import sale saved at the gateway (appStatus 1) with a buyer id number whose check character is right.</summary>
    private static Sale NewSale()
    {
        var sale = new Sale(CebDirection.Import, "9610") { AppStatus = "1" };
        var stem = sale.BuyerId[..17];
        sale.BuyerId = stem + Silkgate.Ceb.Validation.Identifiers.ResidentIdCheckCharacter(stem)!.Value;
        return sale;
    }

    private static Silkgate.Ceb.Import.Ceb311Message Order(Sale sale, EnterpriseSummary seller)
    {
        var order = sale.ImportOrder(h => (h.EbpCode, h.EbcCode) = (seller.Uscc, seller.Uscc));
        (order.BaseTransfer.CopCode, order.Guid) = (seller.CustomsCode, CebMessage.NewGuid());
        return order;
    }

    private static Silkgate.Ceb.Import.Ceb411Message Payment(Sale sale, EnterpriseSummary seller, decimal? amountPaid)
    {
        var payment = sale.ImportPayment(h =>
        {
            h.EbpCode = seller.Uscc;
            if (amountPaid is { } amount)
            {
                h.AmountPaid = amount;
            }
        });
        (payment.BaseTransfer.CopCode, payment.Guid) = (seller.CustomsCode, CebMessage.NewGuid());
        return payment;
    }
}
