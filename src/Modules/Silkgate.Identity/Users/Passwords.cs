using Microsoft.AspNetCore.Identity;
using Silkgate.Kernel.Errors;

namespace Silkgate.Identity.Users;

/// <summary>
/// Password hashing with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, versioned format, so old hashes
/// are upgraded on the next successful sign-in) and the password policy.
/// </summary>
internal sealed class Passwords
{
    public const int MinimumLength = 10;

    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly UserAccount _nobody = new();
    private readonly Lazy<string> _dummyHash;

    public Passwords() => _dummyHash = new Lazy<string>(() => _hasher.HashPassword(_nobody, "no such user, no such password"));

    public string Hash(string password) => _hasher.HashPassword(_nobody, password);

    /// <summary>Checks a password; <paramref name="rehash"/> is a fresh hash when the stored one uses outdated parameters.</summary>
    public bool Verify(string hash, string password, out string? rehash)
    {
        rehash = null;
        var result = _hasher.VerifyHashedPassword(_nobody, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            rehash = Hash(password);
        }

        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the same time as a real check, so that unknown user names cannot be told apart by timing.</summary>
    public void VerifyNothing(string password) => _hasher.VerifyHashedPassword(_nobody, _dummyHash.Value, password);

    /// <summary>The policy: at least <see cref="MinimumLength"/> characters and not the user name.</summary>
    public static IReadOnlyList<Problem> Check(string? password, string? username, string field = "password")
    {
        var problems = new List<Problem>();
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            problems.Add(Problem.Invalid(field, "password.too-short", $"The password must have at least {MinimumLength} characters."));
        }
        else if (username is not null && string.Equals(password.Trim(), username.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(Problem.Invalid(field, "password.equals-username", "The password must not be the user name."));
        }

        return problems;
    }
}
