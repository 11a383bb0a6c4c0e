using Silkgate.Simulation.Catalog;

namespace Silkgate.Simulation.Tests;

public sealed class CatalogFactsTests
{
    [Fact]
    public void Every_product_HS_code_exists_in_the_tariff_with_the_same_legal_units()
    {
        var tariff = RefDataFiles.Rows("hs_codes.csv").ToDictionary(r => r[0], r => (Unit1: r[2], Unit2: r[3]));
        var problems = new List<string>();
        foreach (var p in Products.All)
        {
            if (!tariff.TryGetValue(p.Hs, out var units))
            {
                problems.Add($"{p.Hs} {p.Name}: not in the tariff");
                continue;
            }
            if (units.Unit1 != p.Unit1)
            {
                problems.Add($"{p.Hs} {p.Name}: first legal unit {p.Unit1}, tariff says {units.Unit1}");
            }
            if ((p.Unit2 ?? "") != units.Unit2)
            {
                problems.Add($"{p.Hs} {p.Name}: second legal unit {p.Unit2}, tariff says {units.Unit2}");
            }
        }
        Assert.Empty(problems);
        Assert.True(Products.All.Select(p => p.Hs).Distinct().Count() >= 80, "about 80 distinct HS codes");
    }

    [Fact]
    public void Declared_and_legal_units_are_JGS20_unit_codes()
    {
        var units = RefDataFiles.Rows("units.csv").Select(r => r[0]).ToHashSet();
        var used = Products.All.SelectMany(p => new[] { p.Unit, p.Unit1, p.Unit2 }).OfType<string>().Distinct();
        Assert.All(used, u => Assert.Contains(u, units));
    }

    [Fact]
    public void Destination_and_origin_countries_are_customs_country_codes_with_the_intended_names()
    {
        var countries = RefDataFiles.Rows("countries.csv").ToDictionary(r => r[0], r => r[1]);
        var codes = Countries.ExportDestinations.Select(c => c.Code)
            .Concat(Products.ImportIndustries.SelectMany(Products.OriginsOf)).Distinct();
        Assert.All(codes, c => Assert.True(countries.ContainsKey(c), c));
        Assert.Equal("United States", countries["502"]);
        Assert.Equal("Saudi Arabia", countries["131"]);
        Assert.Equal("Mexico", countries["429"]);
        Assert.Equal(30, Countries.ExportDestinations.First(c => c.Code == "502").Share);
    }

    [Fact]
    public void Customs_districts_and_ports_exist()
    {
        var districts = RefDataFiles.Rows("customs_districts.csv").Select(r => r[0]).ToHashSet();
        var used = Zones.Districts.Select(d => Zones.CustomsDistrict(d.Code)).Concat(Zones.ExitPorts)
            .Concat(["3104", "2207", "2921", "2910", "2233"]).Distinct();
        Assert.All(used, c => Assert.Contains(c, districts));
    }

    [Fact]
    public void Import_composite_rates_follow_the_70_percent_formula()
    {
        var wine = Products.All.Single(p => p.Hs == "2204210000");
        Assert.Equal(Math.Round((0.10m + 0.13m) / 0.9m * 0.7m, 6), Math.Round(wine.CompositeImportRate, 6));
        var cream = Products.All.Single(p => p.Hs == "3304990099");
        Assert.Equal(0.091m, cream.CompositeImportRate);
    }
}
