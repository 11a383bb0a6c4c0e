using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;

namespace Silkgate.Identity.Users;

/// <summary>A row of <c>identity_users</c>.</summary>
internal sealed class UserAccount
{
    public long Id { get; init; }

    public string Username { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string PasswordHash { get; init; } = "";

    public string? GovRole { get; init; }

    public string? ZoneCode { get; init; }

    public string? Agency { get; init; }

    public long FailedAttempts { get; init; }

    public long? LockedUntil { get; init; }

    public long CreatedAt { get; init; }

    public long? LastSignInAt { get; init; }

    public Role? GovernmentRole => Enum.TryParse<Role>(GovRole, out var r) ? r : null;

    public Agency? AgencyValue => Enum.TryParse<Agency>(Agency, out var a) ? a : null;

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now.ToUnixTimeMilliseconds();

    public UserSummary ToSummary() => new(
        Id,
        Username,
        DisplayName,
        GovernmentRole,
        ZoneCode,
        AgencyValue,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        LastSignInAt is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null,
        LockedUntil is { } l ? DateTimeOffset.FromUnixTimeMilliseconds(l) : null);

    /// <summary>The upper-cased form that carries the case-insensitive uniqueness of user names.</summary>
    public static string KeyOf(string username) => username.Trim().ToUpperInvariant();
}
