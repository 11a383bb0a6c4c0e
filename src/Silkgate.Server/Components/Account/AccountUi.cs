using System.Globalization;
using Microsoft.Extensions.Localization;
using Silkgate.Kernel.Errors;

namespace Silkgate.Server.Components.Account;

/// <summary>Small helpers of the account pages.</summary>
internal static class AccountUi
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The return URL when it stays on this site (a path, not <c>//host</c> or <c>/\host</c>); otherwise the home page.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && !returnUrl.Contains("://", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    /// <summary>A problem in the page's language when the code is known, else the module's own message.</summary>
    public static string Text(IStringLocalizer localizer, Problem problem)
    {
        var text = localizer["Problem_" + problem.Code];
        return text.ResourceNotFound ? problem.Message : text.Value;
    }

    /// <summary>Times are shown in China Standard Time.</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
