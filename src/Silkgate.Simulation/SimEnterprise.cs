namespace Silkgate.Simulation;

/// <summary>What an enterprise does in trade. Same names as the registry's <c>EnterpriseRole</c>, so callers map by name.</summary>
public enum SimRole
{
    /// <summary>电商企业 (seller)</summary>
    ECommerceEnterprise,

    /// <summary>电商平台</summary>
    ECommercePlatform,

    /// <summary>物流企业</summary>
    Logistics,

    /// <summary>支付企业</summary>
    Payment,

    /// <summary>监管场所经营人</summary>
    SupervisedSiteOperator,

    /// <summary>外综服企业 (declares lists as agent)</summary>
    ForeignTradeServices,

    /// <summary>海外仓企业</summary>
    OverseasWarehouse,

    /// <summary>服务商 (may declare lists as agent)</summary>
    ServiceProvider,
}

/// <summary>
/// An enterprise that takes part in synthetic trade. <see cref="Code"/> is what the CEB messages carry in their
/// <c>*Code</c> fields and in <c>BaseTransfer/copCode</c> (normally the 10-character customs code).
/// </summary>
/// <param name="Code">Customs registration code (10 characters) or USCC (18).</param>
/// <param name="NameZh">Registered Chinese name.</param>
/// <param name="Roles">Roles; a seller needs <see cref="SimRole.ECommerceEnterprise"/>.</param>
/// <param name="ZoneCode">Pilot zone (city) code, e.g. 330500.</param>
public sealed record SimEnterprise(string Code, string NameZh, IReadOnlyList<SimRole> Roles, string ZoneCode)
{
    /// <summary>English name (generated enterprises always have one).</summary>
    public string? NameEn { get; init; }

    /// <summary>Unified social credit code (generated enterprises always have one).</summary>
    public string? Uscc { get; init; }

    /// <summary>District (区县) code; generated enterprises always have one.</summary>
    public string? DistrictCode { get; init; }

    /// <summary>Takes part in retail import (9610/1210 import) as platform or seller. When no enterprise of a list
    /// says so, every platform and seller may.</summary>
    public bool ImportTrade { get; init; }

    public bool Has(SimRole role) => Roles.Contains(role);
}
