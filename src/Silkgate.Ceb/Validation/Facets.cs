using System.Globalization;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb.Validation;

internal readonly record struct Issue(string Code, string En, string Zh);

/// <summary>Lexical and facet checks with the semantics of System.Xml.Schema (xs:string, xs:decimal, xs:int).</summary>
internal static class Facets
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsXmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    internal static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsXmlSpace(s[a])) { a++; }
        while (b > a && IsXmlSpace(s[b - 1])) { b--; }
        return s[a..b];
    }

    /// <summary>whiteSpace=collapse: runs of XML white space become one space, leading/trailing removed.</summary>
    internal static string Collapse(string s)
    {
        bool needs = s.Length > 0 && (IsXmlSpace(s[0]) || IsXmlSpace(s[^1]));
        for (int i = 0; !needs && i < s.Length; i++)
        {
            needs = s[i] is '\t' or '\n' or '\r' || (s[i] == ' ' && i + 1 < s.Length && s[i + 1] == ' ');
        }
        if (!needs)
        {
            return s;
        }
        var trimmed = Trim(s);
        if (trimmed.IsEmpty)
        {
            // System.Xml.Schema collapses white-space-only text to one space; the verdict must match it.
            return " ";
        }
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (var c in trimmed)
        {
            if (IsXmlSpace(c)) { space = true; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>xs:decimal: lexical check and value. The value is the one decimal.TryParse gives (the .NET validator's
    /// semantics); up to 19 significant digits it is assembled in the same pass over the characters.</summary>
    internal static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        TryParseDecimal(text, -1, -1, out value, out _);

    /// <summary>As <see cref="TryParseDecimal(ReadOnlySpan{char}, out decimal)"/>, with the totalDigits/fractionDigits facets
    /// checked from the same pass (no second walk over the value).</summary>
    internal static bool TryParseDecimal(ReadOnlySpan<char> text, int totalDigits, int fractionDigits, out decimal value, out Issue? digitsIssue)
    {
        var s = Trim(text);
        value = 0;
        digitsIssue = null;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            i++;
        }
        ulong m = 0;
        int significant = 0, scale = 0, trailingZeros = 0;
        bool digit = false, point = false, large = false;
        for (; i < s.Length; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d <= 9)
            {
                digit = true;
                if (point) { scale++; }
                trailingZeros = d == 0 ? trailingZeros + 1 : 0;
                if (m == 0 && d == 0) { continue; }
                if (++significant > 19) { large = true; }
                else { m = (m * 10) + d; }
            }
            else if (s[i] == '.' && !point) { point = true; }
            else { return false; }
        }
        if (!digit)
        {
            return false;
        }
        if (large || scale > 28)
        {
            // Rare: more digits than a ulong holds or than decimal keeps; decimal.TryParse rounds as the validator does.
            if (!decimal.TryParse(s, DecimalStyle, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }
            digitsIssue = CheckDigits(value, totalDigits, fractionDigits);
            return true;
        }
        value = new decimal((int)m, (int)(m >> 32), 0, negative, (byte)scale);
        if (totalDigits >= 0 || fractionDigits >= 0)
        {
            // Digits of the value as the validator counts them: trailing fractional zeros dropped, zero has none.
            int dropped = Math.Min(trailingZeros, scale);
            digitsIssue = m == 0 ? DigitsIssue(0, 0, totalDigits, fractionDigits) : DigitsIssue(significant - dropped, scale - dropped, totalDigits, fractionDigits);
        }
        return true;
    }

    internal static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        var s = Trim(text);
        value = 0;
        int i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        if (i == s.Length)
        {
            return false;
        }
        long v = 0;
        for (int j = i; j < s.Length; j++)
        {
            uint d = (uint)(s[j] - '0');
            if (d > 9) { return false; }
            // Saturate just past the int range; leading zeros cost nothing.
            v = Math.Min((v * 10) + d, 1L << 32);
        }
        if (s[0] == '-') { v = -v; }
        if (v is < int.MinValue or > int.MaxValue)
        {
            return false;
        }
        value = (int)v;
        return true;
    }

    /// <summary>totalDigits/fractionDigits on the value (trailing fractional zeros do not count), as the .NET validator does.</summary>
    internal static Issue? CheckDigits(decimal value, int totalDigits, int fractionDigits)
    {
        if (totalDigits < 0 && fractionDigits < 0)
        {
            return null;
        }
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0)
        {
            return CheckDigits(((ulong)(uint)bits[1] << 32) | (uint)bits[0], scale, totalDigits, fractionDigits);
        }
        UInt128 m = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        while (scale > 0 && m % 10 == 0) { m /= 10; scale--; }
        int digits = 0;
        for (var t = m; t != 0; t /= 10) { digits++; }
        return DigitsIssue(digits, scale, totalDigits, fractionDigits);
    }

    /// <summary>The same on a mantissa that fits 64 bits (division by the constant 10 is a multiplication, unlike UInt128's).</summary>
    private static Issue? CheckDigits(ulong m, int scale, int totalDigits, int fractionDigits)
    {
        if (totalDigits < 0 && fractionDigits < 0)
        {
            return null;
        }
        while (scale > 0 && m % 10 == 0) { m /= 10; scale--; }
        int digits = 0;
        for (var t = m; t != 0; t /= 10) { digits++; }
        return DigitsIssue(digits, scale, totalDigits, fractionDigits);
    }

    private static Issue? DigitsIssue(int digits, int scale, int totalDigits, int fractionDigits)
    {
        if (totalDigits >= 0 && (digits > totalDigits || scale > totalDigits))
        {
            return new Issue("schema.total-digits", $"more than {totalDigits} digits", $"数字位数超过{totalDigits}位");
        }
        if (fractionDigits >= 0 && scale > fractionDigits)
        {
            return new Issue("schema.fraction-digits", $"more than {fractionDigits} digits after the decimal point", $"小数位数超过{fractionDigits}位");
        }
        return null;
    }

    internal static Issue? CheckLength(SimpleType t, int length)
    {
        if (t.Length >= 0 && length != t.Length)
        {
            return new Issue("schema.length", $"length must be {t.Length} (is {length})", $"长度必须为{t.Length}位（实际{length}位）");
        }
        if (t.MinLength >= 0 && length < t.MinLength)
        {
            return new Issue("schema.min-length", $"length must be at least {t.MinLength} (is {length})", $"长度不能少于{t.MinLength}位（实际{length}位）");
        }
        if (t.MaxLength >= 0 && length > t.MaxLength)
        {
            return new Issue("schema.max-length", $"length must be at most {t.MaxLength} (is {length})", $"长度不能超过{t.MaxLength}位（实际{length}位）");
        }
        return null;
    }

    internal static readonly Issue NotDecimal = new("schema.decimal", "not a decimal number (digits, optional sign and point, no exponent)", "不是有效的数值");
    internal static readonly Issue NotInt = new("schema.int", "not a 32-bit integer", "不是有效的整数");

    internal static Issue Fixed(string value) => new("schema.fixed", $"value must be \"{value}\"", $"取值必须为“{value}”");
}
