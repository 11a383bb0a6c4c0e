using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Modules;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// The platform master key that seals deposited keys: <c>Clearance:Signing:MasterKey</c> (Base64 of 32 bytes). In demo
/// mode without one, a fixed demo key derived from a public text is used, so demo deposits are not secret. In production
/// mode without one there is no key and deposits are refused.
/// </summary>
internal sealed class MasterKey
{
    /// <summary>Public, documented input of the demo key (docs/guide/operations.md): demo deposits protect nothing.</summary>
    public const string DemoKeySeed = "silkgate-demo-master-key-v1 (not secret)";

    private readonly byte[]? _key;

    public MasterKey(IOptions<SigningOptions> signing, IOptions<PlatformOptions> platform)
    {
        var configured = signing.Value.MasterKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _key = Parse(configured);
        }
        else if (platform.Value.Mode == PlatformMode.Demo)
        {
            _key = SHA256.HashData(Encoding.UTF8.GetBytes(DemoKeySeed));
            IsDemo = true;
        }

        Id = _key is null ? null : Convert.ToHexStringLower(SHA256.HashData(_key).AsSpan(0, 8));
    }

    public bool IsConfigured => _key is not null;

    public bool IsDemo { get; }

    /// <summary>Names the key without revealing it (first 8 bytes of its SHA-256), stored beside each sealed key.</summary>
    public string? Id { get; }

    internal ReadOnlySpan<byte> Bytes => _key ?? throw new InvalidOperationException("No signing master key is configured (Clearance:Signing:MasterKey).");

    private static byte[] Parse(string text)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Clearance:Signing:MasterKey is not Base64; give Base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"Clearance:Signing:MasterKey must be 32 bytes (AES-256), got {key.Length}.");
    }
}
