using Microsoft.Extensions.DependencyInjection;
using Silkgate.Identity.Audit;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Users;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.Features.CreateUser;

/// <summary>
/// Creates accounts: applicants by sign-up, government accounts by a province admin (or the command line), enterprise
/// users by their enterprise's admin — the account and its membership in one transaction.
/// </summary>
internal sealed class CreateUserHandler(
    DbSession session,
    UserStore users,
    Passwords passwords,
    IServiceProvider services,
    AuditTrail audit,
    TimeProvider time)
{
    public async Task<Result<UserAccount>> CreateAsync(Actor? creator, CreateUserRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var denial = Authorize(creator, request.Role);
        if (denial is not null)
        {
            await audit.RecordAsync(new AuditEntry("identity.user.create", $"user:{request.Username}", AuditOutcome.Denied, denial), creator, ct);
            return Problem.Forbidden(denial);
        }

        var problems = Validate(request.Username, request.DisplayName, request.Password);
        switch (request.Role)
        {
            case Role.ZoneAdmin when !AccountRules.IsZoneCode(request.ZoneCode):
                problems.Add(Problem.Invalid("zoneCode", "zone.required", "A zone admin needs the 6-digit code of its zone."));
                break;
            case Role.AgencyOfficer when request.Agency is null:
                problems.Add(Problem.Invalid("agency", "agency.required", "An agency officer needs an agency."));
                break;
            case Role.AgencyOfficer when request.ZoneCode is { Length: > 0 } zone && !AccountRules.IsZoneCode(zone):
                problems.Add(Problem.Invalid("zoneCode", "zone.format", "A zone code has 6 digits."));
                break;
            default:
                break;
        }

        if (problems.Count > 0)
        {
            return Result<UserAccount>.Failure(problems);
        }

        var account = new NewAccount(
            request.Username,
            request.DisplayName,
            passwords.Hash(request.Password),
            request.Role is Role.ProvinceAdmin or Role.ZoneAdmin or Role.AgencyOfficer ? request.Role : null,
            request.Role is Role.ZoneAdmin or Role.AgencyOfficer && request.ZoneCode is { Length: > 0 } z ? z : null,
            request.Role == Role.AgencyOfficer ? request.Agency : null);
        var result = await session.InTransactionAsync(async c =>
        {
            if (await users.ExistsAsync(request.Username, c))
            {
                return null;
            }

            var id = await users.InsertAsync(account, time.GetUtcNow().ToUnixTimeMilliseconds(), c);
            if (request.Role == Role.EnterpriseUser)
            {
                await services.GetRequiredService<IEnterpriseDirectory>().AddMemberAsync(creator!.EnterpriseId!.Value, id, isAdmin: false, c);
            }

            return await users.FindByIdAsync(id, c);
        }, ct);
        if (result is null)
        {
            return Problem.Conflict("username", "username.taken", $"The user name '{request.Username.Trim()}' is already taken.");
        }

        await audit.RecordAsync(new AuditEntry("identity.user.create", $"user:{result.Id}", AuditOutcome.Succeeded,
            $"{result.Username} as {request.Role}"), creator, ct);
        return result;
    }

    public static List<Problem> Validate(string? username, string? displayName, string? password)
    {
        var problems = new List<Problem>();
        AccountRules.CheckUsername(username, problems);
        AccountRules.CheckDisplayName(displayName, problems);
        problems.AddRange(Passwords.Check(password, username));
        return problems;
    }

    /// <summary>Null when <paramref name="creator"/> may create an account of <paramref name="role"/>; otherwise the reason.</summary>
    private static string? Authorize(Actor? creator, Role role) => role switch
    {
        Role.Applicant => null,
        Role.ProvinceAdmin or Role.ZoneAdmin or Role.AgencyOfficer when creator?.Role == Role.ProvinceAdmin => null,
        Role.EnterpriseUser when creator is { Role: Role.EnterpriseAdmin, EnterpriseId: not null, ApiKeyId: null } => null,
        Role.ProvinceAdmin or Role.ZoneAdmin or Role.AgencyOfficer => "Only a province administrator creates government accounts.",
        Role.EnterpriseUser => "Only an enterprise administrator creates users of the enterprise.",
        _ => $"Accounts of role {role} are not created this way.",
    };
}
