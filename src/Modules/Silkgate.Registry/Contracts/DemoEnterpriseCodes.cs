using Silkgate.Registry.Demo;

namespace Silkgate.Registry.Contracts;

/// <summary>
/// USCCs of the fictitious demo enterprises (seeded only in demo mode), for the demo accounts of other modules:
/// look them up with <see cref="IEnterpriseDirectory.FindByCodeAsync"/> and attach users with <see cref="IEnterpriseDirectory.AddMemberAsync"/>.
/// </summary>
public static class DemoEnterpriseCodes
{
    /// <summary>湖州织里童装跨境电商有限公司: approved e-commerce seller in Huzhou (吴兴区).</summary>
    public static string HuzhouSeller => DemoEnterprises.All[0].Uscc;

    /// <summary>嘉兴南湖跨境电商平台有限公司: approved e-commerce platform in Jiaxing (南湖区).</summary>
    public static string JiaxingPlatform => DemoEnterprises.All[4].Uscc;

    /// <summary>平湖国际物流有限公司: approved logistics enterprise in Jiaxing (平湖市).</summary>
    public static string JiaxingLogistics => DemoEnterprises.All[7].Uscc;

    /// <summary>台州椒江跨境支付服务有限公司: approved payment enterprise in Taizhou (椒江区).</summary>
    public static string TaizhouPayment => DemoEnterprises.All[12].Uscc;

    /// <summary>安吉椅业出海科技有限公司: submitted (awaiting approval) in Huzhou (安吉县).</summary>
    public static string HuzhouPending => DemoEnterprises.All[3].Uscc;

    /// <summary>Every demo enterprise's USCC, in seeding order.</summary>
    public static IReadOnlyList<string> All => DemoEnterprises.All.Select(e => e.Uscc).ToList();
}
