using System.Globalization;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Demo;

/// <summary>One fictitious enterprise of the demo province.</summary>
internal sealed record DemoEnterprise(int Serial, string DistrictCode, string NameZh, string NameEn, EnterpriseRole[] Roles, EnterpriseStatus Status, string? Park = null)
{
    public string ZoneCode => DistrictCode[..4] + "00";

    /// <summary>18-character USCC: 9 (market regulation) 1 (enterprise), the district, an organisation code with its GB 11714 check digit, the GB 32100 check character.</summary>
    public string Uscc
    {
        get
        {
            var org = (70_000_000 + (Serial * 7919 % 10_000_000)).ToString("D8", CultureInfo.InvariantCulture);
            int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
            var check = 11 - (org.Select((c, i) => (c - '0') * weights[i]).Sum() % 11);
            var first17 = $"91{DistrictCode}{org}{(check == 10 ? 'X' : check == 11 ? '0' : (char)('0' + check))}";
            return first17 + Kernel.Values.Uscc.CheckCharacter(first17);
        }
    }

    /// <summary>10-character customs code: the zone's customs district (关区) then a serial.</summary>
    public string CustomsCode => CustomsDistrict(ZoneCode) + "96" + Serial.ToString("D4", CultureInfo.InvariantCulture);

    // Huzhou 湖州海关 2907, Jiaxing 嘉兴海关 2908, Quzhou 衢州海关 2917, Taizhou 台州海关 2905, Lishui 丽水海关 2915.
    private static string CustomsDistrict(string zone) => zone switch
    {
        "330500" => "2907",
        "330400" => "2908",
        "330800" => "2917",
        "331000" => "2905",
        _ => "2915",
    };
}

/// <summary>The demo province's enterprises (fictitious; seeded only in demo mode).</summary>
internal static class DemoEnterprises
{
    private const EnterpriseRole Seller = EnterpriseRole.ECommerceEnterprise;
    private const EnterpriseStatus Ok = EnterpriseStatus.Approved;
    private const EnterpriseStatus New = EnterpriseStatus.Submitted;

    public static IReadOnlyList<DemoEnterprise> All { get; } =
    [
        new(1, "330502", "湖州织里童装跨境电商有限公司", "Huzhou Zhili Kidswear Cross-border E-commerce Co., Ltd.", [Seller], Ok, "湖州跨境电商产业园"),
        new(2, "330521", "德清竹韵家居贸易有限公司", "Deqing Zhuyun Home Furnishing Trading Co., Ltd.", [Seller], Ok),
        new(3, "330522", "长兴太湖供应链管理有限公司", "Changxing Taihu Supply Chain Management Co., Ltd.", [EnterpriseRole.Logistics, EnterpriseRole.SupervisedSiteOperator], Ok),
        new(4, "330523", "安吉椅业出海科技有限公司", "Anji Seating Global Technology Co., Ltd.", [Seller, EnterpriseRole.OverseasWarehouse], New),
        new(5, "330402", "嘉兴南湖跨境电商平台有限公司", "Jiaxing Nanhu Cross-border E-commerce Platform Co., Ltd.", [EnterpriseRole.ECommercePlatform], Ok, "嘉兴跨境电子商务产业园"),
        new(6, "330481", "海宁皮革城跨境贸易有限公司", "Haining Leather City Cross-border Trading Co., Ltd.", [Seller], Ok),
        new(7, "330483", "桐乡毛衫数字贸易有限公司", "Tongxiang Knitwear Digital Trade Co., Ltd.", [Seller], Ok),
        new(8, "330482", "平湖国际物流有限公司", "Pinghu International Logistics Co., Ltd.", [EnterpriseRole.Logistics], Ok),
        new(9, "330421", "嘉善外贸综合服务有限公司", "Jiashan Foreign Trade Comprehensive Services Co., Ltd.", [EnterpriseRole.ForeignTradeServices, EnterpriseRole.ServiceProvider], New),
        new(10, "330802", "衢州柯城跨境电子商务有限公司", "Quzhou Kecheng Cross-border E-commerce Co., Ltd.", [Seller], Ok, "衢州跨境电商园"),
        new(11, "330881", "江山木门出口贸易有限公司", "Jiangshan Wooden Door Export Trading Co., Ltd.", [Seller], Ok),
        new(12, "330825", "龙游快递物流有限公司", "Longyou Express Logistics Co., Ltd.", [EnterpriseRole.Logistics], New),
        new(13, "331002", "台州椒江跨境支付服务有限公司", "Taizhou Jiaojiang Cross-border Payment Services Co., Ltd.", [EnterpriseRole.Payment], Ok, "台州跨境电商产业园"),
        new(14, "331081", "温岭泵业跨境贸易有限公司", "Wenling Pump Cross-border Trading Co., Ltd.", [Seller], Ok),
        new(15, "331083", "玉环阀门出海有限公司", "Yuhuan Valve Global Co., Ltd.", [Seller, EnterpriseRole.OverseasWarehouse], Ok),
        new(16, "331003", "黄岩模具数字贸易有限公司", "Huangyan Mould Digital Trade Co., Ltd.", [Seller], EnterpriseStatus.Suspended),
        new(17, "331004", "路桥海外仓管理有限公司", "Luqiao Overseas Warehouse Management Co., Ltd.", [EnterpriseRole.OverseasWarehouse, EnterpriseRole.Logistics], New),
        new(18, "331102", "丽水莲都跨境电商有限公司", "Lishui Liandu Cross-border E-commerce Co., Ltd.", [Seller], Ok, "丽水跨境电商园"),
        new(19, "331121", "青田侨乡进口商品贸易有限公司", "Qingtian Qiaoxiang Imported Goods Trading Co., Ltd.", [Seller, EnterpriseRole.ECommercePlatform], Ok),
        new(20, "331181", "龙泉宝剑青瓷出口有限公司", "Longquan Sword and Celadon Export Co., Ltd.", [Seller], Ok),
        new(21, "331125", "云和木玩跨境贸易有限公司", "Yunhe Wooden Toys Cross-border Trading Co., Ltd.", [Seller], EnterpriseStatus.Rejected),
    ];

    /// <summary>Demo parks: (district, Chinese name, English name, level).</summary>
    public static IReadOnlyList<(string District, string NameZh, string NameEn, ParkLevel Level)> Parks { get; } =
    [
        ("330502", "湖州跨境电商产业园", "Huzhou Cross-border E-commerce Industrial Park", ParkLevel.Provincial),
        ("330402", "嘉兴跨境电子商务产业园", "Jiaxing Cross-border E-commerce Industrial Park", ParkLevel.Provincial),
        ("330802", "衢州跨境电商园", "Quzhou Cross-border E-commerce Park", ParkLevel.Municipal),
        ("331002", "台州跨境电商产业园", "Taizhou Cross-border E-commerce Industrial Park", ParkLevel.Provincial),
        ("331102", "丽水跨境电商园", "Lishui Cross-border E-commerce Park", ParkLevel.Municipal),
    ];
}
