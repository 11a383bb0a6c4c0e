namespace Silkgate.Registry.Contracts;

/// <summary>What other modules may ask the registry about enterprises and who belongs to them.</summary>
public interface IEnterpriseDirectory
{
    Task<EnterpriseSummary?> FindByIdAsync(long enterpriseId, CancellationToken ct);

    /// <summary>Finds an enterprise by its 18-character USCC or its 10-character customs code.</summary>
    Task<EnterpriseSummary?> FindByCodeAsync(string code, CancellationToken ct);

    /// <summary>The enterprise a person belongs to, if any (one enterprise per account).</summary>
    Task<EnterpriseMembership?> FindMembershipAsync(long userId, CancellationToken ct);

    /// <summary>Attaches an account to an enterprise; used when an enterprise admin creates a user. Joins the caller's transaction.</summary>
    Task AddMemberAsync(long enterpriseId, long userId, bool isAdmin, CancellationToken ct);
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EnterpriseStatus>))]
public enum EnterpriseStatus
{
    Submitted,
    Approved,
    Rejected,
    Suspended,
}

/// <summary>The roles an enterprise plays in cross-border trade; one enterprise may have several.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EnterpriseRole>))]
public enum EnterpriseRole
{
    /// <summary>电商企业</summary>
    ECommerceEnterprise,

    /// <summary>电商平台</summary>
    ECommercePlatform,

    /// <summary>物流企业</summary>
    Logistics,

    /// <summary>支付企业</summary>
    Payment,

    /// <summary>监管场所经营人</summary>
    SupervisedSiteOperator,

    /// <summary>外综服企业</summary>
    ForeignTradeServices,

    /// <summary>海外仓企业</summary>
    OverseasWarehouse,

    /// <summary>服务商</summary>
    ServiceProvider,
}

public sealed record EnterpriseSummary(
    long Id,
    string Uscc,
    string CustomsCode,
    string NameZh,
    string? NameEn,
    string ZoneCode,
    string DistrictCode,
    EnterpriseStatus Status,
    IReadOnlyList<EnterpriseRole> Roles);

public sealed record EnterpriseMembership(long EnterpriseId, string ZoneCode, bool IsAdmin, EnterpriseStatus Status);
