using System.Diagnostics.CodeAnalysis;

namespace Silkgate.Kernel.Values;

/// <summary>
/// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and the capitals except
/// I, O, S, V, Z; the last is a check character over the first 17 with modulus 31.
/// </summary>
public readonly record struct Uscc
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private Uscc(string value) => Value = value;

    public string Value { get; }

    /// <summary>Parses a code; <paramref name="problem"/> says what is wrong when it is not valid.</summary>
    public static bool TryParse(string? text, out Uscc code, [NotNullWhen(false)] out string? problem)
    {
        code = default;
        var s = text?.Trim().ToUpperInvariant() ?? "";
        if (s.Length != Length)
        {
            problem = $"must be {Length} characters, got {s.Length}";
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(s[i], StringComparison.Ordinal) < 0)
            {
                problem = $"character {i + 1} '{s[i]}' is not allowed (0-9 and A-Z without I, O, S, V, Z)";
                return false;
            }
        }

        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected)
        {
            problem = $"check character is '{s[17]}' but should be '{expected}'";
            return false;
        }

        code = new Uscc(s);
        problem = null;
        return true;
    }

    /// <summary>The check character of the first 17 characters, which must all be in the alphabet.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a USCC character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    public override string ToString() => Value;
}
