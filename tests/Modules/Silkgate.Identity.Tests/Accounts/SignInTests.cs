using System.Net;
using Silkgate.Identity.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.Accounts;

public abstract class SignInTests(PlatformHost host)
{
    private readonly IdentityHarness _h = IdentityHarness.For(host);

    [Fact]
    public async Task Signing_in_with_the_right_password_issues_a_cookie_that_carries_the_actor()
    {
        var username = IdentityHarness.UniqueName("zone");
        var id = await _h.CreateUserAsync(username, Role.ZoneAdmin, "330500");
        using var browser = _h.Browser();

        var response = await IdentityHarness.PostLoginAsync(browser, username.ToUpperInvariant(), IdentityHarness.Password, "/account/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/audit", IdentityHarness.RedirectTarget(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("silkgate.auth", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await IdentityHarness.MeAsync(browser);
        Assert.Equal(new CurrentActor(id, username + " name", "ZoneAdmin", "330000", "330500", null, null, null), me);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_replaced_by_the_home_page()
    {
        var username = IdentityHarness.UniqueName("ret");
        await _h.CreateUserAsync(username);
        using var browser = _h.Browser();

        var response = await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password, "//evil.example/x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", IdentityHarness.RedirectTarget(response));
    }

    [Fact]
    public async Task A_wrong_password_fails_and_is_audited()
    {
        var username = IdentityHarness.UniqueName("wrong");
        var id = await _h.CreateUserAsync(username);
        using var browser = _h.Browser();

        var response = await IdentityHarness.PostLoginAsync(browser, username, "not the password");

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await IdentityHarness.MeAsync(browser));
        var outcomes = await _h.QueryAsync<string>(
            "SELECT outcome FROM identity_audit WHERE action = 'identity.sign-in' AND actor_user_id = @Id", new { Id = id });
        Assert.Equal(["Failed"], outcomes);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password_until_the_period_ends()
    {
        var username = IdentityHarness.UniqueName("lock");
        var id = await _h.CreateUserAsync(username);
        using var browser = _h.Browser();
        for (var i = 0; i < 5; i++)
        {
            await IdentityHarness.PostLoginAsync(browser, username, "wrong password " + i);
        }

        var locked = await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Null(await IdentityHarness.MeAsync(browser));
        var denied = await _h.QueryAsync<string>(
            "SELECT outcome FROM identity_audit WHERE action = 'identity.sign-in' AND actor_user_id = @Id AND outcome = 'Denied'", new { Id = id });
        Assert.Single(denied);

        _h.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var after = await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(id, (await IdentityHarness.MeAsync(browser))?.UserId);
    }

    [Fact]
    public async Task An_unknown_user_name_fails_like_a_wrong_password()
    {
        using var browser = _h.Browser();
        var response = await IdentityHarness.PostLoginAsync(browser, IdentityHarness.UniqueName("nobody"), IdentityHarness.Password);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_up_creates_an_applicant_and_signs_in()
    {
        var username = IdentityHarness.UniqueName("new");
        using var browser = _h.Browser();
        var token = await IdentityHarness.AntiforgeryTokenAsync(browser, "/account/signup");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signup",
            ["__RequestVerificationToken"] = token,
            ["Input.Username"] = username,
            ["Input.DisplayName"] = "新用户",
            ["Input.Password"] = "a long enough password",
            ["Input.PasswordAgain"] = "a long enough password",
        });

        var response = await browser.PostAsync(new Uri("/account/signup", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var me = await IdentityHarness.MeAsync(browser);
        Assert.Equal("Applicant", me?.Role);
        Assert.Equal("新用户", me?.Name);
    }

    [Fact]
    public async Task Signing_up_with_a_short_password_says_why_in_Chinese()
    {
        using var browser = _h.Browser();
        var token = await IdentityHarness.AntiforgeryTokenAsync(browser, "/account/signup");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signup",
            ["__RequestVerificationToken"] = token,
            ["Input.Username"] = IdentityHarness.UniqueName("short"),
            ["Input.DisplayName"] = "x",
            ["Input.Password"] = "short",
            ["Input.PasswordAgain"] = "short",
        });

        var response = await browser.PostAsync(new Uri("/account/signup", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("密码至少需要 10 个字符", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_reissues_the_cookie_with_the_new_registration_and_after_approval_as_its_admin()
    {
        var username = IdentityHarness.UniqueName("appl");
        await _h.CreateUserAsync(username);
        using var browser = _h.Browser();
        await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);
        Assert.Equal("Applicant", (await IdentityHarness.MeAsync(browser))?.Role);
        var enterprise = await TestEnterprises.RegisterAsync(browser, TestEnterprises.Form("330400"));

        var response = await browser.GetAsync(new Uri("/account/refresh?returnUrl=%2Fregistry%2Fenterprises", UriKind.Relative));

        Assert.Equal("/registry/enterprises", IdentityHarness.RedirectTarget(response));
        var pending = await IdentityHarness.MeAsync(browser);
        Assert.Equal(("Applicant", enterprise.Id, "330400"), (pending?.Role, pending?.EnterpriseId, pending?.ZoneCode));

        await _h.DecideAsync(enterprise.Id, "330400", EnterpriseDecision.Approve);
        await browser.GetAsync(new Uri("/account/refresh", UriKind.Relative));

        var approved = await IdentityHarness.MeAsync(browser);
        Assert.Equal(("EnterpriseAdmin", enterprise.Id, "330400"), (approved?.Role, approved?.EnterpriseId, approved?.ZoneCode));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var username = IdentityHarness.UniqueName("out");
        await _h.CreateUserAsync(username);
        using var browser = _h.Browser();
        await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);
        var token = await IdentityHarness.AntiforgeryTokenAsync(browser, "/");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var response = await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await IdentityHarness.MeAsync(browser));
    }

    [Fact]
    public async Task A_page_that_needs_sign_in_redirects_and_the_api_answers_401_problem_details()
    {
        using var browser = _h.Browser();
        var api = await browser.GetAsync(new Uri("/api/v1/identity/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var page = await browser.GetAsync(new Uri("/account/api-keys", UriKind.Relative));
        Assert.Contains("/account/login", IdentityHarness.RedirectTarget(page) ?? await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SignInTestsOnSqlite(SqliteHost host) : SignInTests(host), IClassFixture<SqliteHost>;

public sealed class SignInTestsOnPostgres(PostgresHost host) : SignInTests(host), IClassFixture<PostgresHost>;
