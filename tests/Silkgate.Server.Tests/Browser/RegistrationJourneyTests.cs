using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Browser;

/// <summary>The portal in Chromium against the real server in demo mode: sign-in, registration form, directory search.</summary>
public sealed partial class RegistrationJourneyTests(BrowserHost browser) : IClassFixture<BrowserHost>
{
    private const string DemoPassword = "Silkgate#2026";

    [Fact]
    public async Task A_zone_admin_registers_an_enterprise_through_the_form_and_finds_it_in_the_directory()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "huzhou", DemoPassword);
        var token = TestEnterprises.NewToken();
        var name = $"南浔浏览器测试跨境电商有限公司{token}";
        var uscc = TestEnterprises.NewUscc("330503");

        await page.GotoAsync("/registry/register");
        await page.GetByTestId("field-uscc").FillAsync(uscc);
        await page.GetByTestId("field-customsCode").FillAsync(TestEnterprises.NewCustomsCode("330500"));
        await page.GetByTestId("field-nameZh").FillAsync(name);
        await page.GetByTestId("field-nameEn").FillAsync($"Nanxun Browser Test CBEC Co., Ltd. {token}");
        await page.GetByTestId("role-ECommerceEnterprise").CheckAsync();
        await page.GetByTestId("role-OverseasWarehouse").CheckAsync();
        await page.GetByTestId("field-zoneCode").SelectOptionAsync("330500");
        await page.GetByTestId("field-districtCode").SelectOptionAsync("330503");
        await page.GetByTestId("field-address").FillAsync("湖州市南浔区练市镇测试路8号");
        await page.GetByTestId("field-legalRepresentative").FillAsync("沈一");
        await page.GetByTestId("field-registeredCapital").FillAsync("2000000");
        await page.GetByTestId("field-contacts[0].name").FillAsync("钱二");
        await page.GetByTestId("field-contacts[0].phone").FillAsync("0572-3012345");
        await page.GetByTestId("field-contacts[0].email").FillAsync("qian.er@example.com");
        await page.GetByTestId("register-submit").ClickAsync();

        await page.WaitForURLAsync(DetailPage());
        Assert.Contains(name, await page.GetByTestId("enterprise-name").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(uscc, await page.GetByTestId("fact-uscc").InnerTextAsync());
        var id = page.Url.Split('/')[^1];

        await page.GotoAsync("/registry/enterprises");
        await page.GetByTestId("search-box").FillAsync(token);
        await page.GetByTestId("filter-submit").ClickAsync();
        await page.WaitForURLAsync($"**/registry/enterprises?*q={token}*");

        var rows = page.GetByTestId("enterprise-row");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(id, await rows.First.GetAttributeAsync("data-id"));
        Assert.Contains(name, await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Submitted", await rows.First.GetByTestId("status-badge").GetAttributeAsync("data-status"));

        await page.GotoAsync("/registry/enterprises");
        await ScreenshotAsync(page, "enterprise-list.png");
        Assert.True(await page.GetByTestId("enterprise-row").CountAsync() >= 5);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_keeps_the_visitor_signed_out()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync("huzhou");
        await page.GetByTestId("login-password").FillAsync("not the demo password");
        await page.GetByTestId("login-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        Assert.Equal("用户名或密码不正确。", (await page.GetByTestId("login-error").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.GetByTestId("current-user").CountAsync());
    }

    [Fact]
    public async Task The_enterprise_list_switches_to_English_and_back()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "province", DemoPassword);
        await page.GotoAsync("/registry/enterprises");
        Assert.Equal("企业名录", await page.Locator("h1").InnerTextAsync());

        // The switch goes through a redirect back to the same address: waiting for that URL races with the redirect (it
        // already matches before the click), so wait for the page in the other language instead.
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enterprise directory");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/registry/enterprises$"));
        Assert.Contains("Approved", await page.GetByTestId("enterprise-table").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "enterprise-list-en.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("企业名录");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/registry/enterprises$"));
    }

    [Fact]
    public async Task The_home_page_gives_a_zone_admin_the_zones_counts()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "huzhou", DemoPassword);

        await page.GotoAsync("/");

        var row = page.Locator("[data-testid=home-zone-row][data-zone='330500']");
        Assert.Equal(1, await page.GetByTestId("home-zone-row").CountAsync());
        Assert.True(int.Parse(await row.GetByTestId("approved").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        await ScreenshotAsync(page, "home-zone-admin.png");
    }

    private static Task SignInAsync(IPage page, string username, string password) => BrowserHost.SignInAsync(page, username, password);

    internal static async Task ScreenshotAsync(IPage page, string file)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Silkgate.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    [GeneratedRegex(@"/registry/enterprises/\d+$")]
    private static partial Regex DetailPage();
}
