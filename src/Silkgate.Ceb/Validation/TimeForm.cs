namespace Silkgate.Ceb.Validation;

/// <summary>The CEB time forms yyyyMMdd (8), yyyyMMddHHmmss (14) and yyyyMMddHHmmssfff (17), checked on the span with
/// the verdict of <c>DateTime.TryParseExact(s, format, InvariantCulture, None)</c> but without its format machinery.</summary>
internal static class TimeForm
{
    /// <summary>Whether <paramref name="s"/> is an existing time in the form of the given length (8, 14 or 17).</summary>
    public static bool IsValid(ReadOnlySpan<char> s, int length)
    {
        if (s.Length != length)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        int year = Two(s, 0) * 100 + Two(s, 2), month = Two(s, 4), day = Two(s, 6);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        // The milliseconds (fff) of the 17-character form are any three digits.
        return length == 8 || (Two(s, 8) < 24 && Two(s, 10) < 60 && Two(s, 12) < 60);
    }

    private static int Two(ReadOnlySpan<char> s, int i) => ((s[i] - '0') * 10) + (s[i + 1] - '0');
}
