namespace Silkgate.Simulation.Catalog;

/// <summary>A district (区县) of a demo zone with its industrial belts and place-name parts.</summary>
internal sealed record District(string Code, string Short, string Pinyin, Industry[] Belts, string? Town = null, string? TownPinyin = null)
{
    public string ZoneCode => Code[..4] + "00";
}

/// <summary>The demo province's zones and districts (GB/T 2260 codes) and customs districts (关区).</summary>
internal static class Zones
{
    public static IReadOnlyList<(string Code, string Short, string Pinyin, double Weight)> All { get; } =
    [
        ("330500", "湖州", "Huzhou", 1.2),
        ("330400", "嘉兴", "Jiaxing", 1.4),
        ("330800", "衢州", "Quzhou", 0.6),
        ("331000", "台州", "Taizhou", 1.3),
        ("331100", "丽水", "Lishui", 0.5),
    ];

    public static IReadOnlyList<District> Districts { get; } =
    [
        new("330502", "吴兴", "Wuxing", [Industry.KidsApparel, Industry.Apparel], "织里", "Zhili"),
        new("330503", "南浔", "Nanxun", [Industry.Wood, Industry.Furniture]),
        new("330521", "德清", "Deqing", [Industry.Bamboo, Industry.Furniture]),
        new("330522", "长兴", "Changxing", [Industry.Batteries, Industry.HomeTextiles]),
        new("330523", "安吉", "Anji", [Industry.Seating, Industry.Bamboo]),
        new("330402", "南湖", "Nanhu", [Industry.Apparel, Industry.Electronics]),
        new("330411", "秀洲", "Xiuzhou", [Industry.Lighting, Industry.Electronics]),
        new("330421", "嘉善", "Jiashan", [Industry.Wood, Industry.Furniture]),
        new("330424", "海盐", "Haiyan", [Industry.Fasteners, Industry.Tools]),
        new("330481", "海宁", "Haining", [Industry.Leather, Industry.HomeTextiles]),
        new("330482", "平湖", "Pinghu", [Industry.Apparel, Industry.Leather]),
        new("330483", "桐乡", "Tongxiang", [Industry.Knitwear, Industry.Apparel], "濮院", "Puyuan"),
        new("330802", "柯城", "Kecheng", [Industry.Kitchenware, Industry.Appliances]),
        new("330803", "衢江", "Qujiang", [Industry.Tools, Industry.Kitchenware]),
        new("330822", "常山", "Changshan", [Industry.Bearings, Industry.Tools]),
        new("330824", "开化", "Kaihua", [Industry.Crafts, Industry.Bamboo]),
        new("330825", "龙游", "Longyou", [Industry.Bamboo, Industry.Kitchenware]),
        new("330881", "江山", "Jiangshan", [Industry.Wood, Industry.Crafts]),
        new("331002", "椒江", "Jiaojiang", [Industry.SewingMachines, Industry.Appliances]),
        new("331003", "黄岩", "Huangyan", [Industry.Moulds, Industry.Kitchenware]),
        new("331004", "路桥", "Luqiao", [Industry.Appliances, Industry.Electronics]),
        new("331022", "三门", "Sanmen", [Industry.Tools, Industry.CarParts]),
        new("331023", "天台", "Tiantai", [Industry.CarParts, Industry.Sports]),
        new("331024", "仙居", "Xianju", [Industry.Crafts, Industry.WoodenToys]),
        new("331081", "温岭", "Wenling", [Industry.Pumps, Industry.Footwear]),
        new("331082", "临海", "Linhai", [Industry.Eyewear, Industry.Furniture]),
        new("331083", "玉环", "Yuhuan", [Industry.Valves, Industry.CarParts]),
        new("331102", "莲都", "Liandu", [Industry.Sports, Industry.Crafts]),
        new("331121", "青田", "Qingtian", [Industry.StoneCarving, Industry.Footwear]),
        new("331122", "缙云", "Jinyun", [Industry.Tools, Industry.Sports]),
        new("331123", "遂昌", "Suichang", [Industry.Bamboo, Industry.Crafts]),
        new("331124", "松阳", "Songyang", [Industry.Crafts, Industry.Kitchenware]),
        new("331125", "云和", "Yunhe", [Industry.WoodenToys, Industry.Toys]),
        new("331126", "庆元", "Qingyuan", [Industry.Bamboo, Industry.Crafts]),
        new("331127", "景宁", "Jingning", [Industry.Crafts, Industry.Bamboo]),
        new("331181", "龙泉", "Longquan", [Industry.Celadon, Industry.Swords]),
    ];

    /// <summary>Customs district (4 digits) of a district: the office in the county where there is one, else the zone's customs.</summary>
    public static string CustomsDistrict(string districtOrZone) => districtOrZone switch
    {
        "330523" => "2971", // 湖州海关驻安吉办事处
        "330521" => "2972", // 湖州海关驻德清办事处
        "331082" => "2951", // 台州海关驻临海办事处
        "331081" => "2952", // 台州海关驻温岭办事处
        "331083" => "2953", // 台州海关驻玉环办事处
        _ => ZoneCustoms(districtOrZone[..4] + "00"),
    };

    /// <summary>湖州海关 2907, 嘉兴海关 2908, 衢州海关 2917, 台州海关 2905, 丽水海关 2915.</summary>
    public static string ZoneCustoms(string zone) => zone switch
    {
        "330500" => "2907",
        "330400" => "2908",
        "330800" => "2917",
        "331000" => "2905",
        _ => "2915",
    };

    public static string ZoneShort(string zone) => All.FirstOrDefault(z => z.Code == zone).Short ?? "浙江";

    /// <summary>Exit ports (出境口岸海关) of CBEC exports from the zones: 杭州萧山机场海关, 杭州萧山机场快件监管中心, 杭州跨境电子商务海关监管中心.</summary>
    public static IReadOnlyList<string> ExitPorts { get; } = ["2910", "2916", "2928"];
}
