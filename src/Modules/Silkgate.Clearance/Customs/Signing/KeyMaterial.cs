using System.Security.Cryptography;
using Org.BouncyCastle.Pkcs;
using Silkgate.Ceb.Signing;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// Turns an uploaded PKCS#12 into what is sealed (the private key as PKCS#8 DER; the archive and its password are not
/// kept) and a sealed key back into signing credentials. BouncyCastle reads SM2 (EC on the SM2 curve) and RSA keys.
/// </summary>
internal static class KeyMaterial
{
    /// <summary>The credentials (checked by Silkgate.Ceb: SM2 or RSA, key belongs to the certificate) and the PKCS#8 DER of the key.</summary>
    public static (CebSigningCredentials Credentials, byte[] Pkcs8) FromPkcs12(byte[] pkcs12, string? password)
    {
        var credentials = CebSigningCredentials.FromPkcs12(pkcs12, password);
        var store = new Pkcs12StoreBuilder().Build();
        using (var stream = new MemoryStream(pkcs12, writable: false))
        {
            store.Load(stream, (password ?? string.Empty).ToCharArray());
        }

        var alias = store.Aliases.First(store.IsKeyEntry);
        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(store.GetKey(alias).Key).GetEncoded();
        return (credentials, pkcs8);
    }

    /// <summary>Signing credentials from an opened key and its certificate (the library reads keys from PEM; the PEM buffer is cleared, its short-lived string copy cannot be).</summary>
    public static CebSigningCredentials ToCredentials(byte[] pkcs8, byte[] certificateDer)
    {
        var keyPem = PemEncoding.Write("PRIVATE KEY", pkcs8);
        try
        {
            return CebSigningCredentials.FromPem(new string(PemEncoding.Write("CERTIFICATE", certificateDer)), new string(keyPem));
        }
        finally
        {
            Array.Clear(keyPem);
        }
    }
}
