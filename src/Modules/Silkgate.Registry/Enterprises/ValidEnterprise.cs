using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>A registration whose every field has passed the edge checks: codes parsed, zone, district and park known and consistent.</summary>
internal sealed record ValidEnterprise(
    Uscc Uscc,
    CustomsCode CustomsCode,
    string NameZh,
    string? NameEn,
    IReadOnlyList<EnterpriseRole> Roles,
    string ZoneCode,
    string DistrictCode,
    long? ParkId,
    string Address,
    string LegalRepresentative,
    Amount? RegisteredCapital,
    IReadOnlyList<Contact> Contacts);
