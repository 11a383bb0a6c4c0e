using Silkgate.RefData.Contracts;
using Silkgate.RefData.Tables;

namespace Silkgate.RefData.Tests.Tables;

public sealed class ShippedTablesMatchSharedReferenceTests
{
    [Theory]
    [InlineData(CodeTableNames.Countries, "countries.csv")]
    [InlineData(CodeTableNames.Currencies, "currencies.csv")]
    [InlineData(CodeTableNames.Units, "units.csv")]
    [InlineData(CodeTableNames.CustomsDistricts, "customs_districts.csv")]
    public void Every_code_is_in_both_tables_with_the_same_Chinese_name(string table, string file)
    {
        var ours = ShippedTables.All[table];
        var shared = SharedRefData.Rows(file).ToDictionary(r => r["code"], r => r["name"]);

        var missingHere = shared.Keys.Where(c => !ours.Contains(c)).ToArray();
        var missingThere = ours.All.Select(e => e.Code).Where(c => !shared.ContainsKey(c)).ToArray();
        var differentNames = ours.All.Where(e => shared.TryGetValue(e.Code, out var n) && n != e.NameZh).Select(e => $"{e.Code}: {e.NameZh} vs {shared[e.Code]}").ToArray();

        Assert.Empty(missingHere);
        Assert.Empty(missingThere);
        Assert.Empty(differentNames);
    }

    [Fact]
    public void Countries_carry_English_names_and_ISO_codes_where_ISO_has_one()
    {
        var countries = ShippedTables.All[CodeTableNames.Countries];
        Assert.All(countries.All, e => Assert.NotEmpty(e.NameEn));
        Assert.True(countries.TryGet("142", out var china));
        Assert.Equal(("CN", "CHN", "China"), (china.Get("iso2"), china.Get("iso3"), china.NameEn));
        Assert.True(countries.TryGet("502", out var us));
        Assert.Equal("USA", us.Get("iso3"));
        Assert.True(countries.TryGet("100", out var asia));
        Assert.Null(asia.Get("iso2"));
        var iso2 = countries.All.Select(e => e.Get("iso2")).OfType<string>().ToArray();
        Assert.All(iso2, c => Assert.Matches("^[A-Z]{2}$", c));
        Assert.Equal(iso2.Length, iso2.Distinct().Count());
        Assert.All(countries.All.Select(e => e.Get("iso3")).OfType<string>(), c => Assert.Matches("^[A-Z]{3}$", c));
    }

    [Fact]
    public void Currencies_carry_their_letter_codes()
    {
        var currencies = ShippedTables.All[CodeTableNames.Currencies];
        Assert.Equal("CNY", currencies.All.Single(e => e.Code == "142").Get("alpha"));
        Assert.Equal("USD", currencies.All.Single(e => e.Code == "502").Get("alpha"));
        Assert.Equal("EUR", currencies.All.Single(e => e.Code == "300").Get("alpha"));
        Assert.All(currencies.All, e => Assert.NotEmpty(e.NameEn));
    }

    [Fact]
    public void Small_tables_hold_the_customs_codes_used_by_cross_border_declarations()
    {
        var t = ShippedTables.All;
        Assert.Equal("跨境贸易电子商务", Name(t[CodeTableNames.TradeModes], "9610"));
        Assert.Equal("保税跨境贸易电子商务", Name(t[CodeTableNames.TradeModes], "1210"));
        Assert.Equal("跨境电子商务出口海外仓", Name(t[CodeTableNames.TradeModes], "9810"));
        Assert.Equal("航空运输", Name(t[CodeTableNames.TransportModes], "5"));
        Assert.Equal("边境特殊海关作业区", Name(t[CodeTableNames.TransportModes], "H"));
        Assert.Equal("纸制或纤维板制盒/箱", Name(t[CodeTableNames.PackagingTypes], "22"));
        Assert.Equal(14, t[CodeTableNames.PackagingTypes].Count);
        Assert.All(t.Values.SelectMany(x => x.All), e => Assert.NotEmpty(e.NameZh));
    }

    [Fact]
    public void Customs_districts_name_their_parent_customs()
    {
        var districts = ShippedTables.All[CodeTableNames.CustomsDistricts];
        Assert.True(districts.TryGet("2901", out var sub));
        Assert.Equal("2900", sub.Get("parent"));
        Assert.All(districts.All.Select(e => e.Get("parent")).OfType<string>(), p => Assert.True(districts.Contains(p), p));
    }

    [Fact]
    public void Search_finds_by_code_prefix_name_and_ISO_code_exact_code_first()
    {
        var countries = ShippedTables.All[CodeTableNames.Countries];
        Assert.Equal("142", countries.Search("142")[0].Code);
        Assert.Contains(countries.Search("中国"), e => e.Code == "110");
        Assert.Contains(countries.Search("germany"), e => e.Code == "304");
        Assert.Equal("304", Assert.Single(countries.Search("DEU")).Code);
        Assert.Equal(countries.Count, countries.Search(" ").Count);
    }

    [Fact]
    public void Every_shipped_code_has_the_format_its_table_accepts_for_changes()
    {
        foreach (var definition in TableDefinition.All)
        {
            var table = ShippedTables.All[definition.Name];
            Assert.All(table.All, e => Assert.Matches(definition.CodePattern, e.Code));
        }
    }

    private static string Name(CodeTable table, string code) => table.TryGet(code, out var e) ? e.NameZh : "(missing)";
}
