using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Silkgate.Identity.ApiKeys;

/// <summary>
/// API keys look like <c>sgk_&lt;8-character public prefix&gt;_&lt;40-character secret&gt;</c>. The prefix finds the key; only
/// the SHA-256 of the secret is stored.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Marker = "sgk_";
    public const int PrefixLength = 8;
    public const int SecretLength = 40;

    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new key from the operating system's cryptographic random generator (40 of 62 symbols: about 238 bits).</summary>
    public static (string Prefix, string Secret, string Key) Generate()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = RandomNumberGenerator.GetString(SecretAlphabet, SecretLength);
        return (prefix, secret, $"{Marker}{prefix}_{secret}");
    }

    public static bool TryParse(string? key, [NotNullWhen(true)] out string? prefix, [NotNullWhen(true)] out string? secret)
    {
        prefix = null;
        secret = null;
        key = key?.Trim();
        if (key is null || key.Length != Marker.Length + PrefixLength + 1 + SecretLength
            || !key.StartsWith(Marker, StringComparison.Ordinal) || key[Marker.Length + PrefixLength] != '_')
        {
            return false;
        }

        var p = key.Substring(Marker.Length, PrefixLength);
        var s = key[(Marker.Length + PrefixLength + 1)..];
        if (!p.All(PrefixAlphabet.Contains) || !s.All(SecretAlphabet.Contains))
        {
            return false;
        }

        (prefix, secret) = (p, s);
        return true;
    }

    /// <summary>
    /// SHA-256 of the secret, as lower-case hex. A fast hash is right here: the secret is 238 random bits, so it cannot
    /// be guessed from its hash by trying candidates, and a slow password hash would cost every gateway request dearly.
    /// </summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    /// <summary>Compares the hash of a presented secret with the stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
