using System.Net;
using System.Net.Http.Json;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Enterprises;

public abstract class RegistrationTests(PlatformHost host)
{
    [Fact]
    public async Task An_applicant_registers_their_enterprise_and_becomes_its_admin_member()
    {
        var applicant = Applicant();
        var form = ValidForm();
        using var client = host.As(applicant);

        var response = await client.PostAsJsonAsync("/api/v1/registry/enterprises", form, Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var e = (await response.Content.ReadFromJsonAsync<EnterpriseDetails>(Json))!;
        Assert.Equal($"/api/v1/registry/enterprises/{e.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(EnterpriseStatus.Submitted, e.Status);
        Assert.Equal(form.Uscc, e.Uscc);
        Assert.Equal([EnterpriseRole.ECommerceEnterprise], e.Roles);
        Assert.Equal(1_000_000m, e.RegisteredCapital);
        Assert.Equal("李四", Assert.Single(e.Contacts).Name);
        var membership = await host.InScopeAsync(s => s.GetRequiredService<IEnterpriseDirectory>().FindMembershipAsync(applicant.UserId, CancellationToken.None));
        Assert.Equal(new EnterpriseMembership(e.Id, Huzhou, true, EnterpriseStatus.Submitted), membership);
        await host.WaitForAuditAsync($"enterprise:{e.Id}", "registry.enterprise.submit", AuditOutcome.Succeeded);

        var own = await client.GetFromJsonAsync<EnterpriseDetails>($"/api/v1/registry/enterprises/{e.Id}", Json);
        Assert.Equal(e.Id, own!.Id);
    }

    [Fact]
    public async Task An_account_registers_only_one_enterprise()
    {
        var applicant = Applicant();
        await host.RegisterAsync(applicant, ValidForm());
        using var client = host.As(applicant);

        var response = await client.PostAsJsonAsync("/api/v1/registry/enterprises", ValidForm(), Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["account"], await ProblemFieldsAsync(response));
    }

    public static TheoryData<string, string> SingleFieldFailures => new()
    {
        { "bad USCC check character", "uscc" },
        { "USCC of wrong length", "uscc" },
        { "USCC with a forbidden letter", "uscc" },
        { "customs code of wrong length", "customsCode" },
        { "customs code with a letter in the district", "customsCode" },
        { "missing Chinese name", "nameZh" },
        { "no roles", "roles" },
        { "unknown role", "roles[1]" },
        { "district not in the zone", "districtCode" },
        { "unknown zone", "zoneCode" },
        { "unknown district", "districtCode" },
        { "unknown park", "parkId" },
        { "no contacts", "contacts" },
        { "contact without phone", "contacts[0].phone" },
        { "contact with a bad email", "contacts[0].email" },
        { "missing address", "address" },
        { "negative capital", "registeredCapital" },
    };

    [Theory]
    [MemberData(nameof(SingleFieldFailures))]
    public async Task A_bad_field_is_refused_with_400_naming_the_field(string failure, string field)
    {
        var f = ValidForm();
        var bad = failure switch
        {
            "bad USCC check character" => f with { Uscc = f.Uscc![..17] + (f.Uscc[17] == '0' ? '1' : '0') },
            "USCC of wrong length" => f with { Uscc = f.Uscc![..17] },
            "USCC with a forbidden letter" => f with { Uscc = "91330502I" + f.Uscc![9..] },
            "customs code of wrong length" => f with { CustomsCode = "290712345" },
            "customs code with a letter in the district" => f with { CustomsCode = "29A7123456" },
            "missing Chinese name" => f with { NameZh = "  " },
            "no roles" => f with { Roles = [] },
            "unknown role" => f with { Roles = ["Logistics", "Smuggler"] },
            "district not in the zone" => f with { DistrictCode = "330402" },
            "unknown zone" => f with { ZoneCode = "330100" },
            "unknown district" => f with { DistrictCode = "330599" },
            "unknown park" => f with { ParkId = 999_999 },
            "no contacts" => f with { Contacts = [] },
            "contact without phone" => f with { Contacts = [new ContactForm("李四", null, null, null)] },
            "contact with a bad email" => f with { Contacts = [new ContactForm("李四", "0572-1234567", "not-an-email", null)] },
            "missing address" => f with { Address = null },
            "negative capital" => f with { RegisteredCapital = -1m },
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };
        using var client = host.As(Applicant());

        var response = await client.PostAsJsonAsync("/api/v1/registry/enterprises", bad, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ProblemFieldsAsync(response));
        Assert.Equal(0, (await SearchAsync(ProvinceAdmin(), $"q={Uri.EscapeDataString(f.NameZh!)}")).Total);
    }

    [Fact]
    public async Task Every_field_problem_is_reported_at_once_and_nothing_is_written()
    {
        var token = NewToken();
        var form = new EnterpriseForm("91330502MA2B3C4D5O", "12", $"名称{token}", null, [], "330500", "330402", null, "", "", null,
            [new ContactForm("", "x", "bad", null)]);
        using var client = host.As(Applicant());

        var response = await client.PostAsJsonAsync("/api/v1/registry/enterprises", form, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["address", "contacts[0].email", "contacts[0].name", "contacts[0].phone", "customsCode", "districtCode", "legalRepresentative", "roles", "uscc"],
            await ProblemFieldsAsync(response));
        Assert.Equal(0, (await SearchAsync(ProvinceAdmin(), $"q={token}")).Total);
    }

    [Fact]
    public async Task A_USCC_is_registered_once_per_province()
    {
        var first = await host.RegisterAsync(Applicant(), ValidForm());
        var token = NewToken();
        using var client = host.As(Applicant());

        var response = await client.PostAsJsonAsync("/api/v1/registry/enterprises", ValidForm(token) with { Uscc = first.Uscc }, Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["uscc"], await ProblemFieldsAsync(response));
        Assert.Equal(0, (await SearchAsync(ProvinceAdmin(), $"q={token}")).Total);
    }

    [Fact]
    public async Task A_customs_code_is_registered_once_per_province()
    {
        var first = await host.RegisterAsync(Applicant(), ValidForm());
        using var client = host.As(ZoneAdmin());

        var response = await client.PostAsJsonAsync("/api/v1/registry/enterprises", ValidForm() with { CustomsCode = first.CustomsCode.ToLowerInvariant() }, Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["customsCode"], await ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task A_zone_admin_registers_on_behalf_only_in_their_own_zone()
    {
        using var jiaxingAdmin = host.As(ZoneAdmin(Jiaxing));

        var refused = await jiaxingAdmin.PostAsJsonAsync("/api/v1/registry/enterprises", ValidForm(), Json);
        var accepted = await jiaxingAdmin.PostAsJsonAsync("/api/v1/registry/enterprises", ValidForm(zone: Jiaxing, district: "330481"), Json);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["zoneCode"], await ProblemFieldsAsync(refused));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Enterprise_users_and_agency_officers_do_not_file_registrations()
    {
        using var officer = host.As(Officer());
        var response = await officer.PostAsJsonAsync("/api/v1/registry/enterprises", ValidForm(), Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<EnterprisePage> SearchAsync(Actor actor, string query)
    {
        using var client = host.As(actor);
        return (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?{query}", Json))!;
    }
}

public sealed class RegistrationTestsOnSqlite(SqliteHost host) : RegistrationTests(host), IClassFixture<SqliteHost>;

public sealed class RegistrationTestsOnPostgres(PostgresHost host) : RegistrationTests(host), IClassFixture<PostgresHost>;
