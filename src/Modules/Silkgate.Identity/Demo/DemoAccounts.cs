using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.Demo;

/// <summary>The documented demo accounts (docs/guide/demo.md). All share the demo password <c>Identity:DemoPassword</c>.</summary>
internal static class DemoAccounts
{
    public static IReadOnlyList<(string Username, string DisplayName, Role Role, string? Zone, Agency? Agency)> Government { get; } =
    [
        ("province", "浙江省商务厅管理员", Role.ProvinceAdmin, null, null),
        ("huzhou", "湖州综试区管理员", Role.ZoneAdmin, "330500", null),
        ("jiaxing", "嘉兴综试区管理员", Role.ZoneAdmin, "330400", null),
        ("quzhou", "衢州综试区管理员", Role.ZoneAdmin, "330800", null),
        ("taizhou", "台州综试区管理员", Role.ZoneAdmin, "331000", null),
        ("lishui", "丽水综试区管理员", Role.ZoneAdmin, "331100", null),
        ("customs.huzhou", "湖州海关关员", Role.AgencyOfficer, "330500", Agency.Customs),
        ("tax.huzhou", "湖州市税务局干部", Role.AgencyOfficer, "330500", Agency.Tax),
    ];

    /// <summary>
    /// Accounts attached to demo enterprises of the registry, by the enterprise's USCC (<see cref="DemoEnterpriseCodes"/>).
    /// THE one place to list them; an enterprise that the registry has not seeded is skipped. The member of a submitted
    /// registration stays an applicant until a zone admin approves it.
    /// </summary>
    public static IReadOnlyList<(string Username, string DisplayName, string EnterpriseCode, bool IsAdmin)> Enterprise { get; } =
    [
        ("seller.huzhou", "织里童装 企业管理员", DemoEnterpriseCodes.HuzhouSeller, true),
        ("clerk.huzhou", "织里童装 业务员", DemoEnterpriseCodes.HuzhouSeller, false),
        ("platform.jiaxing", "南湖跨境电商平台 企业管理员", DemoEnterpriseCodes.JiaxingPlatform, true),
        ("logistics.pinghu", "平湖国际物流 企业管理员", DemoEnterpriseCodes.JiaxingLogistics, true),
        ("payment.taizhou", "椒江跨境支付 企业管理员", DemoEnterpriseCodes.TaizhouPayment, true),
        ("applicant.anji", "安吉椅业 备案申请人", DemoEnterpriseCodes.HuzhouPending, true),
    ];
}
