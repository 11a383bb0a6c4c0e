namespace Silkgate.Kernel.Access;

/// <summary>
/// Who is acting, and over what. Built once per request from the sign-in cookie or the API key;
/// every module asks it before reading or changing data that belongs to a zone or an enterprise.
/// </summary>
public sealed record Actor(
    long UserId,
    string Name,
    Role Role,
    string ProvinceCode,
    string? ZoneCode = null,
    Agency? Agency = null,
    long? EnterpriseId = null,
    long? ApiKeyId = null)
{
    /// <summary>The command-line tool and background jobs act as the platform itself, with province-wide rights.</summary>
    public static Actor System(string provinceCode) => new(0, "system", Role.ProvinceAdmin, provinceCode);

    public bool IsGovernment => Role is Role.ProvinceAdmin or Role.ZoneAdmin or Role.AgencyOfficer;

    public bool IsEnterprise => Role is Role.EnterpriseAdmin or Role.EnterpriseUser;

    /// <summary>True when the actor's remit covers the whole zone (province admins and province-level agencies cover every zone).</summary>
    public bool CoversZone(string zoneCode) => Role switch
    {
        Role.ProvinceAdmin => true,
        Role.ZoneAdmin => ZoneCode == zoneCode,
        Role.AgencyOfficer => ZoneCode is null || ZoneCode == zoneCode,
        _ => false,
    };

    /// <summary>May the actor read data owned by this enterprise in this zone?</summary>
    public bool MayRead(long enterpriseId, string zoneCode) =>
        IsEnterprise ? EnterpriseId == enterpriseId : CoversZone(zoneCode);

    /// <summary>Zone administration (approve, reject, suspend) is for province and zone admins only.</summary>
    public bool MayAdministerZone(string zoneCode) => Role switch
    {
        Role.ProvinceAdmin => true,
        Role.ZoneAdmin => ZoneCode == zoneCode,
        _ => false,
    };
}
