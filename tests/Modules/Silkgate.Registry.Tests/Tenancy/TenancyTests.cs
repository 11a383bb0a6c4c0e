using System.Net;
using System.Net.Http.Json;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Tenancy;

public abstract class TenancyTests(PlatformHost host)
{
    [Fact]
    public async Task The_five_Zhejiang_zones_are_public_reference_data()
    {
        using var anonymous = host.CreateClient();

        var zones = (await anonymous.GetFromJsonAsync<List<ZoneInfo>>("/api/v1/registry/zones", Json))!;

        Assert.Equal(["330400", "330500", "330800", "331000", "331100"], zones.Select(z => z.Code));
        Assert.Contains(new ZoneInfo("331000", "台州市", "Taizhou", "330000"), zones);
    }

    [Theory]
    [InlineData("330500", 5, "330523", "安吉县")]
    [InlineData("330400", 7, "330481", "海宁市")]
    [InlineData("330800", 6, "330881", "江山市")]
    [InlineData("331000", 9, "331083", "玉环市")]
    [InlineData("331100", 9, "331127", "景宁畲族自治县")]
    public async Task Each_zone_lists_its_real_districts_and_counties(string zone, int count, string code, string name)
    {
        using var anonymous = host.CreateClient();

        var districts = (await anonymous.GetFromJsonAsync<List<DistrictInfo>>($"/api/v1/registry/zones/{zone}/districts", Json))!;

        Assert.Equal(count, districts.Count);
        Assert.All(districts, d => Assert.Equal(zone, d.ZoneCode));
        Assert.Contains(districts, d => d.Code == code && d.NameZh == name && d.NameEn.Length > 0);
    }

    [Fact]
    public async Task An_unknown_zone_has_no_districts()
    {
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/registry/zones/330100/districts")).StatusCode);
    }

    [Fact]
    public async Task A_zone_admin_adds_a_park_in_their_zone_and_registrations_may_name_it()
    {
        using var admin = host.As(ZoneAdmin(Huzhou));
        var name = $"南浔测试园区{NewToken()}";

        var created = await admin.PostAsJsonAsync("/api/v1/registry/parks", new ParkForm(Huzhou, "330503", name, "Nanxun Test Park", "Provincial"), Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var park = (await created.Content.ReadFromJsonAsync<ParkInfo>(Json))!;
        Assert.Equal(ParkLevel.Provincial, park.Level);
        var parks = (await admin.GetFromJsonAsync<List<ParkInfo>>($"/api/v1/registry/parks?zone={Huzhou}", Json))!;
        Assert.Contains(parks, p => p.Id == park.Id);
        var e = await host.RegisterAsync(Applicant(), ValidForm() with { ParkId = park.Id });
        Assert.Equal(park.Id, e.ParkId);
        using var jiaxingApplicant = host.As(Applicant());
        var wrongZone = await jiaxingApplicant.PostAsJsonAsync("/api/v1/registry/enterprises", ValidForm(zone: Jiaxing, district: "330402") with { ParkId = park.Id }, Json);
        Assert.Equal(["parkId"], await ProblemFieldsAsync(wrongZone));
        var duplicate = await admin.PostAsJsonAsync("/api/v1/registry/parks", new ParkForm(Huzhou, "330503", name, null, "Municipal"), Json);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Parks_are_added_only_by_admins_of_the_zone()
    {
        using var other = host.As(ZoneAdmin(Jiaxing));
        using var enterprise = host.As(EnterpriseUser(1, admin: true));
        var form = new ParkForm(Huzhou, "330503", $"园区{NewToken()}", null, "Municipal");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/registry/parks", form, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync("/api/v1/registry/parks", form, Json)).StatusCode);
    }

    [Fact]
    public async Task A_bad_park_is_refused_naming_every_field()
    {
        using var admin = host.As(ProvinceAdmin());

        var response = await admin.PostAsJsonAsync("/api/v1/registry/parks", new ParkForm(Huzhou, "330402", "", null, "Galactic"), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["districtCode", "level", "nameZh"], await ProblemFieldsAsync(response));
    }
}

public sealed class TenancyTestsOnSqlite(SqliteHost host) : TenancyTests(host), IClassFixture<SqliteHost>;

public sealed class TenancyTestsOnPostgres(PostgresHost host) : TenancyTests(host), IClassFixture<PostgresHost>;
