using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Silkgate.Ceb.Signing;

/// <summary>
/// A private key with its certificate, loaded from PKCS#12 or PEM. Reads SM2 keys (PKCS#8 or SEC1 on the SM2
/// curve, OID 1.2.156.10197.1.301) and RSA keys through BouncyCastle.
/// </summary>
public sealed class CebSigningCredentials
{
    private CebSigningCredentials(CebCertificate certificate, AsymmetricKeyParameter privateKey)
    {
        Certificate = certificate;
        PrivateKey = privateKey;
        Algorithm = certificate.KeyAlgorithm
            ?? throw new CebSigningException($"The certificate key of '{certificate.Subject}' is neither SM2 nor RSA.");
        if (!KeyMatchesCertificate(privateKey, certificate.PublicKey))
        {
            throw new CebSigningException($"The private key does not belong to the certificate '{certificate.Subject}'.");
        }
    }

    /// <summary>The signer's certificate, embedded in every signature.</summary>
    public CebCertificate Certificate { get; }

    /// <summary>The algorithm the key signs with.</summary>
    public CebSignatureAlgorithm Algorithm { get; }

    internal AsymmetricKeyParameter PrivateKey { get; }

    /// <summary>Reads the first key entry of a PKCS#12 (.p12/.pfx) archive.</summary>
    public static CebSigningCredentials FromPkcs12(ReadOnlySpan<byte> pkcs12, string? password)
    {
        var store = new Pkcs12StoreBuilder().Build();
        try
        {
            using var stream = new MemoryStream(pkcs12.ToArray(), writable: false);
            store.Load(stream, (password ?? string.Empty).ToCharArray());
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
        {
            throw new CebSigningException("The PKCS#12 archive cannot be read (wrong password or damaged file).", e);
        }

        var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry)
            ?? throw new CebSigningException("The PKCS#12 archive holds no private key.");
        var certificate = store.GetCertificate(alias)?.Certificate
            ?? throw new CebSigningException("The PKCS#12 key entry has no certificate.");
        return new CebSigningCredentials(new CebCertificate(certificate), store.GetKey(alias).Key);
    }

    /// <summary>Reads the first key entry of a PKCS#12 file.</summary>
    public static CebSigningCredentials LoadPkcs12(string path, string? password) => FromPkcs12(File.ReadAllBytes(path), password);

    /// <summary>
    /// Reads a PEM certificate and a PEM private key (<c>PRIVATE KEY</c>, <c>ENCRYPTED PRIVATE KEY</c> with
    /// <paramref name="keyPassword"/>, <c>EC PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>). Both may be in one text.
    /// </summary>
    public static CebSigningCredentials FromPem(string certificatePem, string privateKeyPem, string? keyPassword = null)
    {
        ArgumentNullException.ThrowIfNull(certificatePem);
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var certificate = ReadPemObjects(certificatePem, keyPassword).OfType<BcCertificate>().FirstOrDefault()
            ?? throw new CebSigningException("No certificate in the PEM text.");
        var key = ReadPemObjects(privateKeyPem, keyPassword)
            .Select(o => o switch
            {
                AsymmetricCipherKeyPair pair => pair.Private,
                AsymmetricKeyParameter { IsPrivate: true } single => single,
                _ => null,
            })
            .FirstOrDefault(k => k is not null)
            ?? throw new CebSigningException("No private key in the PEM text.");
        return new CebSigningCredentials(new CebCertificate(certificate), key);
    }

    /// <summary>Reads a PEM certificate file and a PEM key file (they may be the same file).</summary>
    public static CebSigningCredentials LoadPem(string certificatePath, string privateKeyPath, string? keyPassword = null) =>
        FromPem(File.ReadAllText(certificatePath), File.ReadAllText(privateKeyPath), keyPassword);

    private static List<object> ReadPemObjects(string pem, string? password)
    {
        var objects = new List<object>();
        try
        {
            using var reader = new PemReader(new StringReader(pem), new PasswordFinder(password));
            while (reader.ReadObject() is { } o)
            {
                objects.Add(o);
            }
        }
        catch (Exception e) when (e is IOException or PemException or InvalidCipherTextException or ArgumentException or InvalidOperationException)
        {
            throw new CebSigningException("The PEM text cannot be read (wrong password or damaged data).", e);
        }

        return objects;
    }

    private static bool KeyMatchesCertificate(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) =>
        (privateKey, publicKey) switch
        {
            (ECPrivateKeyParameters d, ECPublicKeyParameters q) =>
                Sm2.IsSm2Curve(d.Parameters) && Sm2.PublicPoint(d.D).GetEncoded(false).AsSpan().SequenceEqual(q.Q.GetEncoded(false)),
            (RsaKeyParameters d, RsaKeyParameters q) => d.Modulus.Equals(q.Modulus),
            _ => false,
        };

    private sealed class PasswordFinder(string? password) : IPasswordFinder
    {
        public char[] GetPassword() => (password ?? throw new CebSigningException("The PEM key is encrypted: a password is needed.")).ToCharArray();
    }
}
