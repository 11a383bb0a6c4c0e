using Silkgate.Simulation.Catalog;
using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Enterprises;

/// <summary>An enterprise as the generator uses it: its goods families, its size and its customs district.</summary>
internal sealed class Party(SimEnterprise enterprise, Industry[] industries, double size)
{
    public SimEnterprise Enterprise { get; } = enterprise;
    public string Code => Enterprise.Code;
    public string Name => Enterprise.NameZh;
    public Industry[] Industries { get; } = industries;
    public double Size { get; } = size;

    /// <summary>Customs district where its lists are declared: the customs code's first four digits when they are one
    /// of the province's districts, else the zone's customs.</summary>
    public string CustomsDistrict { get; } =
        enterprise.Code.Length == 10 && enterprise.Code.StartsWith("29", StringComparison.Ordinal)
            ? enterprise.Code[..4]
            : Zones.ZoneCustoms(enterprise.ZoneCode);

    /// <summary>Short upper-case prefix for document numbers.</summary>
    public string Prefix { get; } = "S" + enterprise.Code[^4..];
}

/// <summary>The trading parties of a run, by role, with weighted choice by size (a few sellers dominate).</summary>
internal sealed class PartyDirectory
{
    private static readonly (string Keyword, Industry Industry)[] Keywords =
    [
        ("童装", Industry.KidsApparel), ("毛衫", Industry.Knitwear), ("服装", Industry.Apparel), ("家纺", Industry.HomeTextiles),
        ("皮革", Industry.Leather), ("箱包", Industry.Leather), ("鞋", Industry.Footwear), ("木玩", Industry.WoodenToys),
        ("玩具", Industry.Toys), ("椅", Industry.Seating), ("家居", Industry.Furniture), ("家具", Industry.Furniture),
        ("木门", Industry.Wood), ("木业", Industry.Wood), ("地板", Industry.Wood), ("竹", Industry.Bamboo), ("照明", Industry.Lighting),
        ("灯", Industry.Lighting), ("厨具", Industry.Kitchenware), ("电器", Industry.Appliances), ("电子", Industry.Electronics),
        ("五金", Industry.Tools), ("工具", Industry.Tools), ("泵", Industry.Pumps), ("阀门", Industry.Valves), ("模具", Industry.Moulds),
        ("紧固件", Industry.Fasteners), ("轴承", Industry.Bearings), ("缝制", Industry.SewingMachines), ("汽配", Industry.CarParts),
        ("蓄电池", Industry.Batteries), ("石雕", Industry.StoneCarving), ("青瓷", Industry.Celadon), ("宝剑", Industry.Swords),
        ("眼镜", Industry.Eyewear), ("体育", Industry.Sports), ("工艺", Industry.Crafts), ("进口", Industry.ImportBeauty),
    ];

    public PartyDirectory(IReadOnlyList<SimEnterprise> enterprises, long seed)
    {
        var rng = Prng.For(seed, 0xD1EC);
        var parties = enterprises.Select(e => Resolve(e, rng)).ToList();
        Sellers = [.. parties.Where(p => p.Enterprise.Has(SimRole.ECommerceEnterprise))];
        Platforms = [.. parties.Where(p => p.Enterprise.Has(SimRole.ECommercePlatform))];
        Logistics = [.. parties.Where(p => p.Enterprise.Has(SimRole.Logistics))];
        Payments = [.. parties.Where(p => p.Enterprise.Has(SimRole.Payment))];
        Agents = [.. parties.Where(p => p.Enterprise.Has(SimRole.ForeignTradeServices) || p.Enterprise.Has(SimRole.ServiceProvider))];
        Warehouses = [.. parties.Where(p => p.Enterprise.Has(SimRole.SupervisedSiteOperator) || p.Enterprise.Has(SimRole.OverseasWarehouse))];
        if (Sellers.Length == 0 || Logistics.Length == 0 || Payments.Length == 0)
        {
            throw new ArgumentException("Trade needs at least one seller (ECommerceEnterprise), one Logistics and one Payment enterprise.", nameof(enterprises));
        }
        var anyImport = parties.Any(p => p.Enterprise.ImportTrade);
        var importSellers = Sellers.Where(p => !anyImport || p.Enterprise.ImportTrade).ToArray();
        var importPlatforms = Platforms.Where(p => !anyImport || p.Enterprise.ImportTrade).ToArray();
        ImportSellers = importSellers.Length > 0 ? importSellers : Sellers;
        ImportPlatforms = importPlatforms.Length > 0 ? importPlatforms : Platforms;
        ExportSellers = anyImport && Sellers.Any(p => !p.Enterprise.ImportTrade) ? [.. Sellers.Where(p => !p.Enterprise.ImportTrade)] : Sellers;
        SellerChoice = new(ExportSellers.Select(p => (p, p.Size)));
        ImportSellerChoice = new(ImportSellers.Select(p => (p, p.Size)));
    }

    public Party[] Sellers { get; }
    public Party[] ExportSellers { get; }
    public Party[] ImportSellers { get; }
    public Party[] Platforms { get; }
    public Party[] ImportPlatforms { get; }
    public Party[] Logistics { get; }
    public Party[] Payments { get; }
    public Party[] Agents { get; }
    public Party[] Warehouses { get; }
    public WeightedChoice<Party> SellerChoice { get; }
    public WeightedChoice<Party> ImportSellerChoice { get; }

    /// <summary>Sellers are Pareto-sized (α≈1.2): the top fifth make most of the trade.</summary>
    private static Party Resolve(SimEnterprise e, Prng rng)
    {
        var found = Keywords.Where(k => e.NameZh.Contains(k.Keyword, StringComparison.Ordinal)).Select(k => k.Industry).Distinct().ToList();
        if (found.Count == 0 && e.DistrictCode is { } dc && Zones.Districts.FirstOrDefault(d => d.Code == dc) is { } district)
        {
            found.AddRange(district.Belts);
        }
        if (found.Count == 0)
        {
            found.Add(rng.Pick(EnterpriseFactory.ExportIndustries));
            found.Add(rng.Pick(EnterpriseFactory.ExportIndustries));
        }
        if (e.ImportTrade || found.Contains(Industry.ImportBeauty))
        {
            found.Remove(Industry.ImportBeauty);
            found.AddRange(Products.ImportIndustries);
        }
        var size = Math.Min(50, Math.Pow(1 - rng.NextDouble(), -1 / 1.2));
        return new Party(e, [.. found.Distinct()], size);
    }
}
