namespace Silkgate.Server.Tests.Browser;

public sealed class PortalShellTests(BrowserHost browser) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_portal_opens_in_Chinese_and_switches_to_English()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("综试区概览", await page.Locator("h1").InnerTextAsync());

        // Blazor's enhanced navigation patches the page without a load event: wait for the text itself.
        await page.GetByText("English").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zone overview");
    }
}
