using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Silkgate.Clearance.Declarations;

/// <summary>Settings of <c>Clearance:Privacy</c>.</summary>
internal sealed class PrivacyOptions
{
    public const string Section = "Clearance:Privacy";

    /// <summary>The documented key of demo installations; production refuses it (anyone could compute the hashes).</summary>
    public const string DemoHashKey = "silkgate-default-personal-data-key";

    public const int MinimumKeyLength = 32;

    /// <summary>
    /// Secret key of the HMAC-SHA256 that turns id numbers, names, phones and addresses into comparison keys. A plain hash
    /// of an 18-digit id number can be reversed by trying every birth date and serial, a keyed one cannot without the key.
    /// Set it once per installation and never change it: the buyer ledger is keyed by these hashes. No default in
    /// production mode; demo mode uses <see cref="DemoHashKey"/> when none is set.
    /// </summary>
    public string? HashKey { get; set; }
}

/// <summary>Protects personal data before it reaches the index: keyed hash + masked display form.</summary>
internal sealed class PersonalData(IOptions<PrivacyOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.HashKey
        ?? throw new InvalidOperationException($"{PrivacyOptions.Section}:{nameof(PrivacyOptions.HashKey)} is not set."));

    public ProtectedText? IdNumber(string? value) => Protect(value, MaskIdNumber);

    public ProtectedText? Name(string? value) => Protect(value, MaskName);

    public ProtectedText? Telephone(string? value) => Protect(value, MaskTelephone);

    public ProtectedText? Address(string? value) => Protect(value, MaskAddress);

    private ProtectedText? Protect(string? value, Func<string, string> mask)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normal = Normalise(value);
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normal)));
        return new ProtectedText(hash, mask(normal));
    }

    /// <summary>Trims, removes inner white space and upper-cases Latin letters, so that "张 三" = "张三" and "x" = "X".</summary>
    internal static string Normalise(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    internal static string MaskIdNumber(string v) => v.Length <= 7 ? new string('*', v.Length) : v[..3] + new string('*', v.Length - 7) + v[^4..];

    internal static string MaskName(string v) => v.Length <= 1 ? "*" : v[..1] + new string('*', v.Length - 1);

    internal static string MaskTelephone(string v) => v.Length <= 4 ? new string('*', v.Length) : v.Length < 7
        ? v[..1] + new string('*', v.Length - 3) + v[^2..]
        : v[..3] + new string('*', v.Length - 7) + v[^4..];

    internal static string MaskAddress(string v) => v.Length <= 6 ? v[..Math.Min(2, v.Length)] + "***" : v[..6] + "***";
}
