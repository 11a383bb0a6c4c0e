using Microsoft.Playwright;
using Silkgate.Kernel.Modules;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Browser;

/// <summary>
/// The real server on a loopback port (Kestrel, demo mode, SQLite) and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it is pointed at the installed one.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly SqliteHost _host = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server under the browser, for setting up data through its API.</summary>
    public PlatformHost Platform => _host;

    public async Task InitializeAsync()
    {
        _host.Settings["Platform:Mode"] = nameof(PlatformMode.Demo);
        _host.UseKestrel(0);
        _host.StartServer();
        BaseAddress = _host.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SILKGATE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form and waits for the signed-in header.</summary>
    public static async Task SignInAsync(IPage page, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync(username);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)_host).DisposeAsync();
    }
}
