using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.RefData.Contracts;
using Silkgate.RefData.Tests.Hs;
using Silkgate.Testing;

namespace Silkgate.RefData.Tests.Api;

public abstract class RefDataApiTests(PlatformHost host)
{
    [Fact]
    public async Task Anyone_lists_the_tables_with_their_counts()
    {
        using var client = host.CreateClient();
        var tables = await client.GetFromJsonAsync<JsonElement>("/api/v1/refdata/tables");
        var counts = tables.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("count").GetInt32());
        Assert.Equal(
            [CodeTableNames.Countries, CodeTableNames.Currencies, CodeTableNames.Units, CodeTableNames.CustomsDistricts, CodeTableNames.TransportModes, CodeTableNames.TradeModes, CodeTableNames.PackagingTypes],
            counts.Keys);
        Assert.Equal(6, counts[CodeTableNames.TradeModes]);
        Assert.True(counts[CodeTableNames.Countries] > 200);
    }

    [Fact]
    public async Task A_table_is_searched_and_paged()
    {
        using var client = host.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/refdata/tables/countries?q=中国&page=2&pageSize=2");
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        var codes = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();
        Assert.Equal(["142", "143"], codes);

        var usd = await client.GetFromJsonAsync<JsonElement>("/api/v1/refdata/tables/currencies/502");
        Assert.Equal("USD", usd.GetProperty("entry").GetProperty("extra").GetProperty("alpha").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/refdata/tables/countries/998")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/refdata/tables/planets")).StatusCode);
    }

    [Fact]
    public async Task HS_codes_are_searched_and_found_by_year()
    {
        await host.InScopeAsync(sp => sp.GetRequiredService<IHsCodeImporter>().ImportAsync(
            HsCsv.Of(HsCsv.Row("9905000001", name: "竹制筷子"), HsCsv.Row("9905000002", name: "木制筷子", unit2: "007")), 2096, CancellationToken.None));
        using var client = host.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/refdata/hs?q=筷子&year=2096&page=1&pageSize=1");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal("9905000001", page.GetProperty("items")[0].GetProperty("code").GetString());
        var one = await client.GetFromJsonAsync<JsonElement>("/api/v1/refdata/hs/9905000002?year=2096");
        Assert.Equal("007", one.GetProperty("unit2").GetString());
        Assert.Equal("规格", one.GetProperty("elements")[1].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/refdata/hs/9905000002?year=2001")).StatusCode);
    }

    [Fact]
    public async Task The_pages_list_the_tables_and_rows_in_Chinese()
    {
        using var client = host.CreateClient();
        var index = await client.GetStringAsync("/refdata");
        Assert.Contains("data-testid=\"table-countries\"", index, StringComparison.Ordinal);
        Assert.Contains("国家（地区）", index, StringComparison.Ordinal);

        var countries = await client.GetStringAsync("/refdata/countries?q=德国");
        Assert.Contains("data-testid=\"row-304\"", countries, StringComparison.Ordinal);
        Assert.Contains("DEU", countries, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"row-142\"", countries, StringComparison.Ordinal);

        var english = await client.GetStringAsync("/refdata/countries?q=304&culture=en&ui-culture=en");
        Assert.Contains("Countries and regions", english, StringComparison.Ordinal);

        await host.InScopeAsync(sp => sp.GetRequiredService<IHsCodeImporter>().ImportAsync(
            HsCsv.Of(HsCsv.Row("9906000001", name: "陶瓷茶壶", unit1: "007", unit2: "035")), 2097, CancellationToken.None));
        var hs = await client.GetStringAsync("/refdata/hs?q=990600&year=2097");
        Assert.Contains("data-testid=\"hs-9906000001\"", hs, StringComparison.Ordinal);
        Assert.Contains("个", hs, StringComparison.Ordinal);
        Assert.Contains("千克", hs, StringComparison.Ordinal);
    }
}

public sealed class RefDataApiTestsOnSqlite(SqliteHost host) : RefDataApiTests(host), IClassFixture<SqliteHost>;

public sealed class RefDataApiTestsOnPostgres(PostgresHost host) : RefDataApiTests(host), IClassFixture<PostgresHost>;
