using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Xunit;

namespace Silkgate.Testing;

/// <summary>Real accounts and real sign-in through the login page (cookie), for tests that must not fake the actor.</summary>
public static partial class TestAccounts
{
    public const string Password = "correct horse battery staple";

    public static string UniqueName(string stem) => $"{stem}.{Guid.NewGuid():N}"[..(stem.Length + 13)];

    /// <summary>Signs up a new applicant account (as the sign-up page does) and returns its user name and actor.</summary>
    public static async Task<(string Username, Actor Actor)> SignUpAsync(this WebApplicationFactory<Program> app, string stem = "applicant")
    {
        ArgumentNullException.ThrowIfNull(app);
        var username = UniqueName(stem);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .SignUpAsync(new SignUpRequest(username, "测试申请人", Password, Password), CancellationToken.None);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(p => p.Message)));
        return (username, result.Value!);
    }

    /// <summary>A browser-like client (cookies; follows redirects) signed in through the login form.</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> app, string username, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var token = await AntiforgeryTokenAsync(browser, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Username"] = username,
            ["Input.Password"] = password,
        });
        using var response = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        Assert.True(response.IsSuccessStatusCode && response.RequestMessage?.RequestUri?.AbsolutePath != "/account/login",
            $"Sign-in of {username} answered {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}.");
        return browser;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var html = await browser.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
