using System.Text.Json.Serialization;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;

namespace Silkgate.Identity.Contracts;

/// <summary>People's accounts: sign-in, sign-up, the actor of a person, and accounts created by administrators.</summary>
public interface IAccountService
{
    /// <summary>Checks the password, applies the lockout rule and records the attempt in the audit log.</summary>
    Task<SignInOutcome> SignInAsync(string username, string password, CancellationToken ct);

    /// <summary>Creates an applicant account (no enterprise, no government role) and returns its actor.</summary>
    Task<Result<Actor>> SignUpAsync(SignUpRequest request, CancellationToken ct);

    /// <summary>The actor of a person as it is now (government role, or enterprise membership, or applicant); null for an unknown id.</summary>
    Task<Actor?> ComputeActorAsync(long userId, CancellationToken ct);

    /// <summary>
    /// Creates an account on behalf of the current actor: a province admin creates government accounts (province admin,
    /// zone admin, agency officer); an enterprise admin creates users of its own enterprise.
    /// </summary>
    Task<Result<UserSummary>> CreateUserAsync(CreateUserRequest request, CancellationToken ct);

    /// <summary>Government accounts, for the province admin.</summary>
    Task<Result<IReadOnlyList<UserSummary>>> ListGovernmentUsersAsync(CancellationToken ct);
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <param name="LockedUntil">Set when the account is locked (also when this attempt locked it).</param>
public sealed record SignInOutcome(SignInStatus Status, Actor? Actor, DateTimeOffset? LockedUntil);

public sealed record SignUpRequest(string Username, string DisplayName, string Password, string PasswordAgain);

/// <param name="Role">ProvinceAdmin, ZoneAdmin or AgencyOfficer (by a province admin); EnterpriseUser (by an enterprise admin).</param>
public sealed record CreateUserRequest(
    string Username,
    string DisplayName,
    string Password,
    Role Role,
    string? ZoneCode = null,
    Agency? Agency = null);

public sealed record UserSummary(
    long Id,
    string Username,
    string DisplayName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Role>))] Role? GovernmentRole,
    string? ZoneCode,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Agency>))] Agency? Agency,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockedUntil);
