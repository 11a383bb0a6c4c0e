namespace Silkgate.Simulation.Catalog;

/// <summary>Parts of fictitious but plausible names: brand words, specialties, suffixes, people.</summary>
internal static class Names
{
    public static IReadOnlyList<(string Zh, string En)> Brands { get; } =
    [
        ("宏达", "Hongda"), ("金鼎", "Jinding"), ("恒远", "Hengyuan"), ("嘉禾", "Jiahe"), ("瑞丰", "Ruifeng"),
        ("新航", "Xinhang"), ("博远", "Boyuan"), ("晨光", "Chenguang"), ("天域", "Tianyu"), ("锦程", "Jincheng"),
        ("华越", "Huayue"), ("安澜", "Anlan"), ("远帆", "Yuanfan"), ("海纳", "Haina"), ("众诚", "Zhongcheng"),
        ("森宇", "Senyu"), ("一诺", "Yinuo"), ("云帆", "Yunfan"), ("万象", "Wanxiang"), ("鼎盛", "Dingsheng"),
        ("汇通", "Huitong"), ("启航", "Qihang"), ("优品", "Youpin"), ("朗月", "Langyue"), ("青禾", "Qinghe"),
        ("盛世", "Shengshi"), ("东方", "Dongfang"), ("欣悦", "Xinyue"), ("创达", "Chuangda"), ("润泽", "Runze"),
        ("星辰", "Xingchen"), ("卓越", "Zhuoyue"), ("和美", "Hemei"), ("百川", "Baichuan"), ("致远", "Zhiyuan"),
    ];

    public static (string Zh, string En) Specialty(Industry industry) => industry switch
    {
        Industry.KidsApparel => ("童装", "Kidswear"),
        Industry.Apparel => ("服装", "Apparel"),
        Industry.Knitwear => ("毛衫", "Knitwear"),
        Industry.HomeTextiles => ("家纺", "Home Textiles"),
        Industry.Leather => ("皮革", "Leather"),
        Industry.Footwear => ("鞋业", "Footwear"),
        Industry.Toys => ("玩具", "Toys"),
        Industry.WoodenToys => ("木玩", "Wooden Toys"),
        Industry.Furniture => ("家居", "Home Furnishing"),
        Industry.Seating => ("椅业", "Seating"),
        Industry.Wood => ("木业", "Wood Products"),
        Industry.Bamboo => ("竹制品", "Bamboo Products"),
        Industry.Lighting => ("照明", "Lighting"),
        Industry.Kitchenware => ("厨具", "Kitchenware"),
        Industry.Appliances => ("电器", "Appliances"),
        Industry.Electronics => ("电子", "Electronics"),
        Industry.Tools => ("五金工具", "Hardware Tools"),
        Industry.Pumps => ("泵业", "Pumps"),
        Industry.Valves => ("阀门", "Valves"),
        Industry.Moulds => ("模具", "Moulds"),
        Industry.Fasteners => ("紧固件", "Fasteners"),
        Industry.Bearings => ("轴承", "Bearings"),
        Industry.SewingMachines => ("缝制设备", "Sewing Equipment"),
        Industry.CarParts => ("汽配", "Auto Parts"),
        Industry.Batteries => ("蓄电池", "Batteries"),
        Industry.StoneCarving => ("石雕", "Stone Carving"),
        Industry.Celadon => ("青瓷", "Celadon"),
        Industry.Swords => ("宝剑", "Swords"),
        Industry.Eyewear => ("眼镜", "Eyewear"),
        Industry.Sports => ("体育用品", "Sporting Goods"),
        Industry.Crafts => ("工艺品", "Crafts"),
        _ => ("进口商品", "Imported Goods"),
    };

    public static IReadOnlyList<(string Zh, string En)> SellerSuffixes { get; } =
    [
        ("跨境电商有限公司", "Cross-border E-commerce Co., Ltd."),
        ("电子商务有限公司", "E-commerce Co., Ltd."),
        ("进出口有限公司", "Import and Export Co., Ltd."),
        ("贸易有限公司", "Trading Co., Ltd."),
        ("数字贸易有限公司", "Digital Trade Co., Ltd."),
        ("实业有限公司", "Industrial Co., Ltd."),
    ];

    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余",
        "欧阳", "诸葛",
    ];

    public static readonly string[] GivenChars =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "英", "华", "玉", "萍", "红", "丹", "玲", "晨", "宇", "浩", "欣", "怡", "梓", "涵", "子", "轩", "雨", "思", "佳",
        "嘉", "俊", "博", "文", "鑫", "晓", "婷", "雪", "琳", "悦", "诗", "瑶", "然", "一", "航", "睿", "泽", "昊", "可", "馨",
    ];

    public static readonly string[] Streets =
    [
        "人民路", "解放路", "中山路", "建设路", "文化路", "和平路", "新华路", "长江路", "黄河路", "东风路", "学府路", "滨江大道",
        "世纪大道", "科技路", "青年路", "朝阳路", "光明路", "幸福路", "迎宾大道", "湖滨路",
    ];

    public static readonly string[] Communities =
    [
        "阳光花园", "锦绣苑", "翠湖小区", "金色家园", "春江花月", "碧桂园", "紫荆公寓", "东方名城", "绿城桂花园", "万科城",
        "海棠湾", "书香门第", "龙湖天街", "香樟苑", "枫林小区",
    ];

    /// <summary>Mobile prefixes (1[3-9]x) in use.</summary>
    public static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158",
        "159", "166", "173", "175", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
    ];
}

/// <summary>Real districts across China (GB/T 2260) where import buyers live; the code starts their identity number.</summary>
internal static class BuyerRegions
{
    public static IReadOnlyList<(string Code, string Place, double Weight)> All { get; } =
    [
        ("110105", "北京市朝阳区", 6), ("110108", "北京市海淀区", 5), ("310115", "上海市浦东新区", 7), ("310104", "上海市徐汇区", 3),
        ("440305", "广东省深圳市南山区", 5), ("440106", "广东省广州市天河区", 5), ("330106", "浙江省杭州市西湖区", 4),
        ("330102", "浙江省杭州市上城区", 3), ("330212", "浙江省宁波市鄞州区", 3), ("330502", "浙江省湖州市吴兴区", 2),
        ("330402", "浙江省嘉兴市南湖区", 2), ("331002", "浙江省台州市椒江区", 2), ("330782", "浙江省义乌市", 2),
        ("320106", "江苏省南京市鼓楼区", 3), ("320508", "江苏省苏州市姑苏区", 3), ("510107", "四川省成都市武侯区", 4),
        ("420106", "湖北省武汉市武昌区", 3), ("610113", "陕西省西安市雁塔区", 3), ("500103", "重庆市渝中区", 3),
        ("370212", "山东省青岛市崂山区", 2), ("350203", "福建省厦门市思明区", 2), ("430104", "湖南省长沙市岳麓区", 2),
        ("120101", "天津市和平区", 2), ("210102", "辽宁省沈阳市和平区", 2), ("410105", "河南省郑州市金水区", 2),
    ];
}
