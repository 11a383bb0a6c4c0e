using Silkgate.Identity.Tests.Support;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.Accounts;

/// <summary>The actor in a sign-in cookie is computed again at most every <c>Identity:ActorRefreshInterval</c> (5 minutes).</summary>
public abstract class ActorRevalidationTests(PlatformHost host)
{
    private static readonly TimeSpan PastInterval = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
    private readonly IdentityHarness _h = IdentityHarness.For(host);

    [Fact]
    public async Task An_approved_applicant_acts_as_the_enterprise_admin_on_the_first_request_after_the_interval()
    {
        var username = IdentityHarness.UniqueName("appr");
        await _h.CreateUserAsync(username);
        using var browser = _h.Browser();
        await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);
        var enterprise = await TestEnterprises.RegisterAsync(browser, TestEnterprises.Form("331000"));
        await browser.GetAsync(new Uri("/account/refresh", UriKind.Relative));
        Assert.Equal(("Applicant", enterprise.Id), ((await IdentityHarness.MeAsync(browser))?.Role, (await IdentityHarness.MeAsync(browser))?.EnterpriseId));

        await _h.DecideAsync(enterprise.Id, "331000", EnterpriseDecision.Approve);
        var before = await IdentityHarness.MeAsync(browser);
        _h.Clock.Advance(PastInterval);
        var after = await IdentityHarness.MeAsync(browser);
        var next = await IdentityHarness.MeAsync(browser);

        Assert.Equal("Applicant", before?.Role);
        Assert.Equal(("EnterpriseAdmin", enterprise.Id, "331000"), (after?.Role, after?.EnterpriseId, after?.ZoneCode));
        Assert.Equal("EnterpriseAdmin", next?.Role);
    }

    [Fact]
    public async Task A_locked_account_is_signed_out_at_the_next_check()
    {
        var username = IdentityHarness.UniqueName("lockd");
        await _h.CreateUserAsync(username);
        using var browser = _h.Browser();
        await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);
        Assert.NotNull(await IdentityHarness.MeAsync(browser));
        using var attacker = _h.Browser();
        for (var i = 0; i < 5; i++)
        {
            await IdentityHarness.PostLoginAsync(attacker, username, "not the password " + i);
        }

        _h.Clock.Advance(PastInterval);

        Assert.Null(await IdentityHarness.MeAsync(browser));
        _h.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Null(await IdentityHarness.MeAsync(browser));
    }

    [Fact]
    public async Task A_deleted_account_is_signed_out_at_the_next_check_and_not_before()
    {
        var username = IdentityHarness.UniqueName("gone");
        var id = await _h.CreateUserAsync(username);
        using var browser = _h.Browser();
        await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);

        await _h.ExecuteAsync("DELETE FROM identity_users WHERE id = @Id", new { Id = id });
        var within = await IdentityHarness.MeAsync(browser);
        _h.Clock.Advance(PastInterval);

        Assert.Equal(id, within?.UserId);
        Assert.Null(await IdentityHarness.MeAsync(browser));
    }
}

public sealed class ActorRevalidationTestsOnSqlite(SqliteHost host) : ActorRevalidationTests(host), IClassFixture<SqliteHost>;

public sealed class ActorRevalidationTestsOnPostgres(PostgresHost host) : ActorRevalidationTests(host), IClassFixture<PostgresHost>;
