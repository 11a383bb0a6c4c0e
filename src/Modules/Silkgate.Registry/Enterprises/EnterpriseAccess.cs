using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>The enterprise an actor belongs to: from the sign-in claims, or for an applicant (whose claims predate the registration) from the membership table.</summary>
internal readonly record struct OwnEnterprise(long? Id, bool IsAdmin);

/// <summary>Who may see and change which registration.</summary>
internal static class EnterpriseAccess
{
    /// <summary>Agencies share approved registrations of their remit ("一次备案、多主体共享"); admins see their zone; enterprises see their own.</summary>
    public static bool MayView(Actor actor, long? ownEnterpriseId, long enterpriseId, string zoneCode, EnterpriseStatus status) => actor.Role switch
    {
        Role.ProvinceAdmin => true,
        Role.ZoneAdmin => actor.ZoneCode == zoneCode,
        Role.AgencyOfficer => status == EnterpriseStatus.Approved && actor.CoversZone(zoneCode),
        _ => ownEnterpriseId == enterpriseId,
    };

    /// <summary>Edits: the enterprise's own admin (or its applicant), or an admin of its zone.</summary>
    public static bool MayEdit(Actor actor, OwnEnterprise own, long enterpriseId, string zoneCode) =>
        actor.MayAdministerZone(zoneCode) || (own.IsAdmin && own.Id == enterpriseId);

    /// <summary>Reads by a government actor are reads of another party's data and are audited.</summary>
    public static bool ReadIsAudited(Actor actor) => actor.IsGovernment;
}
