using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.Users;

/// <summary>
/// The actor of a person: the government role on the account, otherwise the enterprise the registry says the person
/// belongs to, otherwise an applicant. Membership of an enterprise whose registration is not (yet) approved — submitted
/// or rejected — leaves the person an applicant, carrying the enterprise and its zone; approval (or a suspension,
/// which keeps the enterprise's people able to see where they stand) makes them its admin or user.
/// </summary>
/// <remarks>The registry is asked only for people without a government role, so government accounts work from the command line on their own.</remarks>
internal sealed class ActorFactory(IServiceProvider services, IOptions<PlatformOptions> platform)
{
    public async Task<Actor> ForAsync(UserAccount user, CancellationToken ct)
    {
        var province = platform.Value.ProvinceCode;
        switch (user.GovernmentRole)
        {
            case Role.ProvinceAdmin:
                return new Actor(user.Id, user.DisplayName, Role.ProvinceAdmin, province);
            case Role.ZoneAdmin:
                return new Actor(user.Id, user.DisplayName, Role.ZoneAdmin, province, user.ZoneCode);
            case Role.AgencyOfficer:
                return new Actor(user.Id, user.DisplayName, Role.AgencyOfficer, province, user.ZoneCode, user.AgencyValue);
            default:
                break;
        }

        var membership = await services.GetRequiredService<IEnterpriseDirectory>().FindMembershipAsync(user.Id, ct);
        if (membership is null)
        {
            return new Actor(user.Id, user.DisplayName, Role.Applicant, province);
        }

        var role = membership.Status is EnterpriseStatus.Submitted or EnterpriseStatus.Rejected ? Role.Applicant
            : membership.IsAdmin ? Role.EnterpriseAdmin
            : Role.EnterpriseUser;
        return new Actor(user.Id, user.DisplayName, role, province, membership.ZoneCode, EnterpriseId: membership.EnterpriseId);
    }
}
