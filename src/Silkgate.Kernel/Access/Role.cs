namespace Silkgate.Kernel.Access;

/// <summary>What a person or system may do; the scope comes with the <see cref="Actor"/>.</summary>
public enum Role
{
    /// <summary>Sees and manages everything in the province (省级管理员).</summary>
    ProvinceAdmin,

    /// <summary>Manages one zone: approves registrations, sees the zone's data (综试区管理员).</summary>
    ZoneAdmin,

    /// <summary>Officer of an agency (customs, tax, FX, market regulation) who sees the shared data of a zone, or of the province when no zone is set.</summary>
    AgencyOfficer,

    /// <summary>Administers one enterprise: its users and API keys (企业管理员).</summary>
    EnterpriseAdmin,

    /// <summary>Works for one enterprise (企业用户).</summary>
    EnterpriseUser,

    /// <summary>Has an account but belongs to no enterprise or agency yet; may file an enterprise registration.</summary>
    Applicant,
}

/// <summary>Government agencies that share the registry ("一次备案、多主体共享").</summary>
public enum Agency
{
    Customs,
    Tax,
    ForeignExchange,
    MarketRegulation,
}
