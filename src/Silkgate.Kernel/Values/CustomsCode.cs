using System.Diagnostics.CodeAnalysis;

namespace Silkgate.Kernel.Values;

/// <summary>
/// Customs registration code (海关注册编码): 10 characters, digits and capitals; the first four are the customs district.
/// </summary>
public readonly record struct CustomsCode
{
    public const int Length = 10;

    private CustomsCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The customs district (关区) in which the enterprise was registered.</summary>
    public string District => Value[..4];

    public static bool TryParse(string? text, out CustomsCode code, [NotNullWhen(false)] out string? problem)
    {
        code = default;
        var s = text?.Trim().ToUpperInvariant() ?? "";
        if (s.Length != Length)
        {
            problem = $"must be {Length} characters, got {s.Length}";
            return false;
        }

        if (s.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9'))
        {
            problem = "the first four characters (customs district) must be digits";
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                problem = $"'{c}' is not allowed (digits and capital letters only)";
                return false;
            }
        }

        code = new CustomsCode(s);
        problem = null;
        return true;
    }

    public override string ToString() => Value;
}
