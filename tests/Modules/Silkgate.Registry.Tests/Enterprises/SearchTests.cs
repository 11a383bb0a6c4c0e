using System.Net;
using System.Net.Http.Json;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Registry.Tests.Support.RegistryApi;

namespace Silkgate.Registry.Tests.Enterprises;

public abstract class SearchTests(PlatformHost host)
{
    [Fact]
    public async Task Results_are_paged_with_the_total_count()
    {
        var token = NewToken();
        for (var i = 0; i < 3; i++)
        {
            await host.RegisterAsync(Applicant(), ValidForm(token));
        }

        using var client = host.As(ProvinceAdmin());
        var first = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}&pageSize=2&sort=submitted", Json))!;
        var second = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}&pageSize=2&page=2&sort=submitted", Json))!;

        Assert.Equal((3, 2, 1), (first.Total, first.Items.Count, second.Items.Count));
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
    }

    [Fact]
    public async Task Filters_by_status_role_district_and_code()
    {
        var token = NewToken();
        var approved = await host.ApprovedAsync(ValidForm(token) with { Roles = ["Logistics", "Payment"] });
        var submitted = await host.RegisterAsync(Applicant(), ValidForm(token, Huzhou, "330523"));
        using var client = host.As(ProvinceAdmin());

        async Task<long[]> Ids(string filter) =>
            (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={token}&{filter}", Json))!.Items.Select(i => i.Id).ToArray();

        Assert.Equal([approved.Id], await Ids("status=Approved"));
        Assert.Equal([submitted.Id], await Ids("status=submitted"));
        Assert.Equal([approved.Id], await Ids("role=Payment"));
        Assert.Equal([submitted.Id], await Ids("district=330523"));
        Assert.Empty(await Ids($"zone={Jiaxing}"));
        var byCode = (await client.GetFromJsonAsync<EnterprisePage>($"/api/v1/registry/enterprises?q={submitted.Uscc.ToLowerInvariant()}", Json))!;
        Assert.Equal([submitted.Id], byCode.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("role=Pirate", "role")]
    [InlineData("status=Deleted", "status")]
    [InlineData("zone=330100", "zone")]
    [InlineData("sort=price", "sort")]
    public async Task A_bad_filter_is_refused_naming_it(string query, string field)
    {
        using var client = host.As(ProvinceAdmin());

        var response = await client.GetAsync($"/api/v1/registry/enterprises?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ProblemFieldsAsync(response));
    }
}

public sealed class SearchTestsOnSqlite(SqliteHost host) : SearchTests(host), IClassFixture<SqliteHost>;

public sealed class SearchTestsOnPostgres(PostgresHost host) : SearchTests(host), IClassFixture<PostgresHost>;
