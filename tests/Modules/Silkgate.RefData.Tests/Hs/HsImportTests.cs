using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.RefData.Contracts;
using Silkgate.Testing;
using Xunit.Abstractions;

namespace Silkgate.RefData.Tests.Hs;

public abstract class HsImportTests(PlatformHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task Importing_the_shared_tariff_file_stores_every_row_with_units_and_elements()
    {
        var expected = SharedRefData.Rows("hs_codes.csv");
        var watch = Stopwatch.StartNew();
        var result = await host.InScopeAsync(async sp =>
        {
            using var reader = new StreamReader(SharedRefData.PathOf("hs_codes.csv"), Encoding.UTF8);
            return await sp.GetRequiredService<IHsCodeImporter>().ImportAsync(reader, 2019, CancellationToken.None);
        });
        output.WriteLine($"{host.Provider}: imported {result.Imported} rows in {watch.Elapsed.TotalSeconds:0.00} s");

        Assert.Empty(result.Errors);
        Assert.Equal(expected.Count, result.Imported);
        var page = await Hs(sp => sp.SearchAsync(new HsQuery(Year: 2019, PageSize: 1), CancellationToken.None));
        Assert.Equal(expected.Count, page.Total);

        var horse = await Hs(sp => sp.FindAsync("0101210010", 2019, CancellationToken.None));
        Assert.NotNull(horse);
        Assert.Equal(("改良种用濒危野马", "035", "009"), (horse.Name, horse.Unit1, horse.Unit2));
        Assert.Equal(["品牌类型", "出口享惠情况", "是否改良种用", "品种", "GTIN", "CAS"], horse.Elements);

        var oneUnit = expected.First(r => r["unit2"].Length == 0);
        var found = await Hs(sp => sp.FindAsync(oneUnit["code"], 2019, CancellationToken.None));
        Assert.NotNull(found);
        Assert.Null(found.Unit2);
        Assert.Equal(oneUnit["unit1"], found.Unit1);
        Assert.Equal(oneUnit["name"], found.Name);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_numbers_and_nothing_is_imported()
    {
        const long year = 2091;
        await ImportAsync(HsCsv.Of(HsCsv.Row("9901000001")), year);
        var csv = HsCsv.Of(
            HsCsv.Row("9901000002"),
            HsCsv.Row("99010000", name: "短码"),
            HsCsv.Row("9901000003", name: "\"多行\n名称\""),
            HsCsv.Row("9901000004", unit1: "999"),
            HsCsv.Row("9901000005", unit2: "abc"),
            HsCsv.Row("9901000006", elements: "{\"a\":1}"),
            HsCsv.Row("9901000002"));

        var result = await ImportAsync(csv, year);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        Assert.Equal(
            [(3, "code"), (6, "unit1"), (7, "unit2"), (8, "elements"), (9, "code")],
            result.Errors.Select(e => (e.Line, e.Field)).ToArray());
        var page = await Hs(sp => sp.SearchAsync(new HsQuery(Year: year), CancellationToken.None));
        Assert.Equal(["9901000001"], page.Items.Select(i => i.Code));
    }

    [Fact]
    public async Task Importing_a_year_again_replaces_it_and_leaves_other_years_alone()
    {
        await ImportAsync(HsCsv.Of(HsCsv.Row("9902000001"), HsCsv.Row("9902000002"), HsCsv.Row("9902000003")), 2092);
        await ImportAsync(HsCsv.Of(HsCsv.Row("9902000001")), 2093);

        var again = await ImportAsync(HsCsv.Of(HsCsv.Row("9902000002", name: "新名称", unit2: "007"), HsCsv.Row("9902000009")), 2092);

        Assert.Equal((2, 3), (again.Imported, again.Replaced));
        var replaced = await Hs(sp => sp.SearchAsync(new HsQuery(Year: 2092), CancellationToken.None));
        Assert.Equal(["9902000002", "9902000009"], replaced.Items.Select(i => i.Code));
        Assert.Equal(("新名称", "007"), (replaced.Items[0].Name, replaced.Items[0].Unit2));
        Assert.Equal(1, (await Hs(sp => sp.SearchAsync(new HsQuery(Year: 2093), CancellationToken.None))).Total);
    }

    [Fact]
    public async Task A_file_with_a_byte_order_mark_and_a_wrong_header_is_refused_on_line_1()
    {
        var result = await ImportAsync(new StringReader("\uFEFFcode,name,unit,elements\r\n9903000001,x,035,[]\r\n"), 2094);
        Assert.Equal((1, "header"), (result.Errors.Single().Line, result.Errors.Single().Field));

        var ok = await ImportAsync(new StringReader("\uFEFF" + HsCsv.Header + "\n" + HsCsv.Row("9903000001") + "\n"), 2094);
        Assert.Equal(1, ok.Imported);
    }

    [Fact]
    public async Task Search_pages_by_code_prefix_or_name_and_defaults_to_the_latest_year()
    {
        await ImportAsync(HsCsv.Of(
            HsCsv.Row("9904000001", name: "蓝色茶杯"), HsCsv.Row("9904000002", name: "红色茶杯"),
            HsCsv.Row("9904100003", name: "Blue MUG"), HsCsv.Row("9904100004", name: "100%_棉布")), 2095);

        var byPrefix = await Hs(sp => sp.SearchAsync(new HsQuery("99040", 2095, Page: 2, PageSize: 1), CancellationToken.None));
        Assert.Equal((2L, "9904000002"), (byPrefix.Total, byPrefix.Items.Single().Code));
        var byName = await Hs(sp => sp.SearchAsync(new HsQuery("茶杯", 2095), CancellationToken.None));
        Assert.Equal(2, byName.Total);
        var caseless = await Hs(sp => sp.SearchAsync(new HsQuery("blue mug", 2095), CancellationToken.None));
        Assert.Equal("9904100003", caseless.Items.Single().Code);
        var literal = await Hs(sp => sp.SearchAsync(new HsQuery("%_", 2095), CancellationToken.None));
        Assert.Equal("9904100004", literal.Items.Single().Code);
        Assert.True(await Hs(sp => sp.YearsAsync(CancellationToken.None)) is [2095, ..]);
        Assert.Equal(2095, (await Hs(sp => sp.FindAsync("9904000001", null, CancellationToken.None)))?.TariffYear);
    }

    private Task<HsImportResult> ImportAsync(TextReader csv, long year) =>
        host.InScopeAsync(sp => sp.GetRequiredService<IHsCodeImporter>().ImportAsync(csv, year, CancellationToken.None));

    private Task<T> Hs<T>(Func<IHsCodes, Task<T>> work) => host.InScopeAsync(sp => work(sp.GetRequiredService<IHsCodes>()));
}

public sealed class HsImportTestsOnSqlite(SqliteHost host, ITestOutputHelper output) : HsImportTests(host, output), IClassFixture<SqliteHost>;

public sealed class HsImportTestsOnPostgres(PostgresHost host, ITestOutputHelper output) : HsImportTests(host, output), IClassFixture<PostgresHost>;
