using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.Users;

/// <summary>
/// The actor of a person: the government role on the account, otherwise the enterprise the registry says the person
/// belongs to, otherwise an applicant.
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
        return membership is null
            ? new Actor(user.Id, user.DisplayName, Role.Applicant, province)
            : new Actor(user.Id, user.DisplayName, membership.IsAdmin ? Role.EnterpriseAdmin : Role.EnterpriseUser, province,
                membership.ZoneCode, EnterpriseId: membership.EnterpriseId);
    }
}
