using System.Globalization;
using Silkgate.Kernel.Values;
using Silkgate.Simulation.Catalog;
using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Enterprises;

/// <summary>Generates the enterprises of the demo province: many sellers, few platforms, some logistics and payment
/// firms, a couple of comprehensive-service, overseas-warehouse and service firms per zone.</summary>
internal static class EnterpriseFactory
{
    private const ulong Stream = 0xE17E;

    public static readonly Industry[] ExportIndustries = [.. Enum.GetValues<Industry>().Where(i => i < Industry.ImportBeauty)];

    public static IReadOnlyList<SimEnterprise> Generate(long seed, int sellers)
    {
        var rng = Prng.For(seed, Stream);
        var result = new List<SimEnterprise>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var serial = 0;
        var totalWeight = Zones.All.Sum(z => z.Weight);
        foreach (var zone in Zones.All)
        {
            var districts = Zones.Districts.Where(d => d.ZoneCode == zone.Code).ToArray();
            var zoneSellers = Math.Max(2, (int)Math.Round(sellers * zone.Weight / totalWeight));
            for (var i = 0; i < zoneSellers; i++)
            {
                var d = i < districts.Length ? districts[i] : rng.Pick(districts);
                var industry = rng.Chance(0.8) ? rng.Pick(d.Belts) : rng.Pick(ExportIndustries);
                var importer = rng.Chance(0.12);
                var spec = importer ? Names.Specialty(Industry.ImportBeauty) : Names.Specialty(industry);
                var suffix = rng.Pick(Names.SellerSuffixes);
                var roles = rng.Chance(0.06) ? new[] { SimRole.ECommerceEnterprise, SimRole.OverseasWarehouse } : [SimRole.ECommerceEnterprise];
                Add(d, spec.Zh + suffix.Zh, spec.En + " " + suffix.En, roles, importer, useTown: true);
            }
            var hub = districts[0];
            var platforms = zone.Weight >= 1 ? 2 : 1;
            for (var i = 0; i < platforms; i++)
            {
                Add(rng.Pick(districts), i == 0 ? "跨境电商平台有限公司" : "网络科技有限公司",
                    i == 0 ? "Cross-border E-commerce Platform Co., Ltd." : "Network Technology Co., Ltd.", [SimRole.ECommercePlatform], importer: i == 0);
            }
            Add(rng.Pick(districts), "国际物流有限公司", "International Logistics Co., Ltd.", [SimRole.Logistics]);
            Add(rng.Pick(districts), "供应链管理有限公司", "Supply Chain Management Co., Ltd.", [SimRole.Logistics, SimRole.SupervisedSiteOperator]);
            if (zone.Weight >= 1)
            {
                Add(rng.Pick(districts), "国际货运代理有限公司", "International Freight Forwarding Co., Ltd.", [SimRole.Logistics]);
            }
            Add(hub, "跨境支付服务有限公司", "Cross-border Payment Services Co., Ltd.", [SimRole.Payment]);
            Add(hub, "外贸综合服务有限公司", "Foreign Trade Comprehensive Services Co., Ltd.", [SimRole.ForeignTradeServices, SimRole.ServiceProvider]);
            Add(rng.Pick(districts), "海外仓储服务有限公司", "Overseas Warehousing Services Co., Ltd.", [SimRole.OverseasWarehouse, SimRole.Logistics]);
            Add(rng.Pick(districts), "跨境电商服务有限公司", "Cross-border E-commerce Services Co., Ltd.", [SimRole.ServiceProvider]);
        }
        return result;

        void Add(District d, string tailZh, string tailEn, SimRole[] roles, bool importer = false, bool useTown = false)
        {
            string zh, en;
            var place = useTown && d.Town is not null && rng.Chance(0.5) ? (d.Town, d.TownPinyin!) : (d.Short, d.Pinyin);
            do
            {
                var brand = rng.Pick(Names.Brands);
                var prefix = rng.Chance(0.5) ? Zones.ZoneShort(d.ZoneCode) : "";
                var prefixEn = prefix.Length > 0 ? Zones.All.First(z => z.Code == d.ZoneCode).Pinyin + " " : "";
                zh = prefix + place.Item1 + brand.Zh + tailZh;
                en = prefixEn + place.Item2 + " " + brand.En + " " + tailEn;
            }
            while (!names.Add(zh));
            serial++;
            result.Add(new SimEnterprise(CustomsCode(d.Code, serial), zh, roles, d.ZoneCode)
            {
                NameEn = en,
                Uscc = Uscc(d.Code, rng),
                DistrictCode = d.Code,
                ImportTrade = importer,
            });
        }
    }

    /// <summary>10 characters: customs district, then "98" (distinct from the registry's demo codes) and a serial.</summary>
    public static string CustomsCode(string district, int serial) =>
        Zones.CustomsDistrict(district) + "98" + (serial % 10_000).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>91 (market regulation, enterprise) + district + organisation code with its GB 11714 check digit + GB 32100 check.</summary>
    public static string Uscc(string district, Prng rng)
    {
        var org = "MA" + rng.Digits(6);
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            // GB 11714: digits count as themselves, letters as 10 (A) onwards.
            var v = char.IsDigit(org[i]) ? org[i] - '0' : org[i] - 'A' + 10;
            sum += v * weights[i];
        }
        var c = 11 - (sum % 11);
        var check = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
        var first17 = "91" + district + org + check;
        return first17 + Kernel.Values.Uscc.CheckCharacter(first17);
    }
}
