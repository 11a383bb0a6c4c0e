using System.Text.RegularExpressions;
using Silkgate.Kernel.Errors;

namespace Silkgate.Identity.Users;

/// <summary>What a user name, a display name and a zone code must look like.</summary>
internal static partial class AccountRules
{
    public static void CheckUsername(string? username, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            problems.Add(Problem.Invalid("username", "username.required", "A user name is required."));
        }
        else if (!UsernamePattern().IsMatch(username.Trim()))
        {
            problems.Add(Problem.Invalid("username", "username.format",
                "A user name has 3 to 64 characters: letters, digits, '.', '-', '_' or '@', starting with a letter or digit."));
        }
    }

    public static void CheckDisplayName(string? displayName, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            problems.Add(Problem.Invalid("displayName", "display-name.required", "A display name is required."));
        }
        else if (displayName.Trim().Length > 100)
        {
            problems.Add(Problem.Invalid("displayName", "display-name.too-long", "A display name has at most 100 characters."));
        }
    }

    public static bool IsZoneCode(string? code) => code is not null && ZonePattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex ZonePattern();
}
