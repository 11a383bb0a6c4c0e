namespace Silkgate.Ceb.Validation;

/// <summary>Check characters of the identifiers CEB messages carry.</summary>
public static class Identifiers
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static ReadOnlySpan<byte> UsccWeights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdChecks = "10X98765432";

    // Value of each ASCII character in the USCC alphabet (-1 outside it): one load per character instead of a search.
    private static readonly sbyte[] UsccValues = BuildUsccValues();

    private static sbyte[] BuildUsccValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (int i = 0; i < UsccAlphabet.Length; i++)
        {
            values[UsccAlphabet[i]] = (sbyte)i;
        }
        return values;
    }

    /// <summary>Check character of a unified social credit code (GB 32100) from its first 17 characters, or null if they hold a character outside the code's alphabet.</summary>
    public static char? UsccCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            char c = first17[i];
            int v = c < 128 ? UsccValues[c] : -1;
            if (v < 0)
            {
                return null;
            }
            sum += v * UsccWeights[i];
        }
        int check = 31 - (sum % 31);
        return UsccAlphabet[check == 31 ? 0 : check];
    }

    /// <summary>Whether an 18-character code is a unified social credit code with a correct check character.</summary>
    public static bool IsValidUscc(ReadOnlySpan<char> code) =>
        code.Length == 18 && UsccCheckCharacter(code[..17]) is { } c && c == code[17];

    /// <summary>Check character (ISO 7064 MOD 11-2) of a resident identity number from its first 17 digits, or null.</summary>
    public static char? ResidentIdCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            int d = first17[i] - '0';
            if ((uint)d > 9)
            {
                return null;
            }
            sum += d * IdWeights[i];
        }
        return IdChecks[sum % 11];
    }

    /// <summary>Whether an 18-character resident identity number has a correct check character (upper-case X).</summary>
    public static bool IsValidResidentId(ReadOnlySpan<char> id) =>
        id.Length == 18 && ResidentIdCheckCharacter(id[..17]) is { } c && c == id[17];
}
