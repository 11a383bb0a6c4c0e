using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// Seals a private key with AES-256-GCM under the master key: a fresh random 96-bit nonce per key, and associated data
/// that binds the ciphertext to its enterprise and key id, so a sealed key copied to another row does not open
/// (see ADR 0009). Layout: nonce (12) || ciphertext || tag (16).
/// </summary>
internal sealed class KeySealer(MasterKey master)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Seal(ReadOnlySpan<byte> plaintext, long enterpriseId, long keyId)
    {
        var sealedKey = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedKey.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(master.Bytes, TagSize);
        aes.Encrypt(nonce, plaintext, sealedKey.AsSpan(NonceSize, plaintext.Length), sealedKey.AsSpan(NonceSize + plaintext.Length), AssociatedData(enterpriseId, keyId));
        return sealedKey;
    }

    /// <summary>The plaintext; the caller clears it after use. Throws <see cref="CryptographicException"/> when it does not open.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedKey, long enterpriseId, long keyId)
    {
        if (sealedKey.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed key is too short.");
        }

        var length = sealedKey.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(master.Bytes, TagSize);
        aes.Decrypt(sealedKey[..NonceSize], sealedKey.Slice(NonceSize, length), sealedKey[(NonceSize + length)..], plaintext, AssociatedData(enterpriseId, keyId));
        return plaintext;
    }

    private static byte[] AssociatedData(long enterpriseId, long keyId) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"silkgate/clearance/signing-key/v1|enterprise={enterpriseId}|key={keyId}"));
}
