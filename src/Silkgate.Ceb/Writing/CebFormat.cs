using System.Globalization;

namespace Silkgate.Ceb.Writing;

/// <summary>Canonical text forms used on the wire.</summary>
public static class CebFormat
{
    /// <summary>Plain decimal text: no exponent, no needless trailing zeros ("12.5", "0", "100").</summary>
    public static string FormatDecimal(decimal value)
    {
        Span<char> buf = stackalloc char[40];
        int n = FormatDecimal(value, buf);
        return new string(buf[..n]);
    }

    internal static int FormatDecimal(decimal value, Span<char> buf)
    {
        if (value == 0m)
        {
            buf[0] = '0';
            return 1;
        }
        value.TryFormat(buf, out int n, default, CultureInfo.InvariantCulture);
        if (buf[..n].Contains('.'))
        {
            while (buf[n - 1] == '0') { n--; }
            if (buf[n - 1] == '.') { n--; }
        }
        return n;
    }

    /// <summary>yyyyMMddHHmmss, the CEB application time format.</summary>
    public static string Time14(DateTime time) => time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>yyyyMMddHHmmssfff, the CEB receipt time format.</summary>
    public static string Time17(DateTime time) => time.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
}
