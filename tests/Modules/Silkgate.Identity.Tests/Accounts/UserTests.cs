using System.Net;
using System.Net.Http.Json;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Features.CreateUser;
using Silkgate.Identity.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Identity.Tests.Accounts;

public abstract class UserTests(PlatformHost host)
{
    private static readonly Uri Users = new("/api/v1/identity/users", UriKind.Relative);
    private readonly IdentityHarness _h = IdentityHarness.For(host);

    [Fact]
    public async Task A_province_admin_creates_an_agency_officer_who_can_then_sign_in()
    {
        using var province = _h.ClientAs(new Actor(1, "province", Role.ProvinceAdmin, "330000"));
        var username = IdentityHarness.UniqueName("customs");

        var response = await province.PostAsJsonAsync(Users, new CreateUserBody(username, "关员", IdentityHarness.Password, "AgencyOfficer", "330500", "Customs"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var browser = _h.Browser();
        await IdentityHarness.PostLoginAsync(browser, username, IdentityHarness.Password);
        var me = await IdentityHarness.MeAsync(browser);
        Assert.Equal(("AgencyOfficer", "Customs", "330500"), (me?.Role, me?.Agency, me?.ZoneCode));
    }

    [Fact]
    public async Task An_enterprise_admin_creates_a_user_of_its_own_enterprise()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin);

        var response = await client.PostAsJsonAsync(Users, new CreateUserBody(IdentityHarness.UniqueName("clerk"), "职员", IdentityHarness.Password, "EnterpriseUser", null, null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<UserSummary>();
        var membership = await _h.MembershipAsync(user!.Id);
        Assert.Equal((admin.EnterpriseId, false), (membership?.EnterpriseId, membership?.IsAdmin));
    }

    [Fact]
    public async Task An_enterprise_admin_cannot_create_government_accounts()
    {
        var admin = await _h.CreateEnterpriseAdminAsync();
        using var client = _h.ClientAs(admin);

        var response = await client.PostAsJsonAsync(Users, new CreateUserBody(IdentityHarness.UniqueName("fake"), "x", IdentityHarness.Password, "ZoneAdmin", "330500", null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_taken_user_name_and_a_weak_password_are_named_by_field()
    {
        using var province = _h.ClientAs(new Actor(1, "province", Role.ProvinceAdmin, "330000"));
        var username = IdentityHarness.UniqueName("dup");
        await _h.CreateUserAsync(username);

        var taken = await province.PostAsJsonAsync(Users, new CreateUserBody(username.ToUpperInvariant(), "x", IdentityHarness.Password, "ZoneAdmin", "330500", null));
        var weak = await province.PostAsJsonAsync(Users, new CreateUserBody(IdentityHarness.UniqueName("weak"), "x", "short", "ZoneAdmin", null, null));

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("username.taken", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var body = await weak.Content.ReadAsStringAsync();
        Assert.Contains("password.too-short", body, StringComparison.Ordinal);
        Assert.Contains("zone.required", body, StringComparison.Ordinal);
    }
}

public sealed class UserTestsOnSqlite(SqliteHost host) : UserTests(host), IClassFixture<SqliteHost>;

public sealed class UserTestsOnPostgres(PostgresHost host) : UserTests(host), IClassFixture<PostgresHost>;
