using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;
using X509CertificateParser = Org.BouncyCastle.X509.X509CertificateParser;

namespace Silkgate.Ceb.Signing;

/// <summary>
/// An X.509 certificate as CEB signatures carry it. Backed by BouncyCastle because .NET's X509Certificate2
/// cannot read SM2 public keys.
/// </summary>
public sealed class CebCertificate
{
    private readonly byte[] _der;

    internal CebCertificate(X509Certificate certificate)
    {
        Native = certificate;
        _der = certificate.GetEncoded();
        var publicKeyInfo = certificate.CertificateStructure.SubjectPublicKeyInfo;
        var algorithm = publicKeyInfo.Algorithm.Algorithm;
        if (algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption))
        {
            // Read directly: BouncyCastle's RsaKeyParameters runs a primality test on the modulus (~25 ms).
            var rsa = RsaPublicKeyStructure.GetInstance(publicKeyInfo.ParsePublicKey());
            RsaPublicKey = new RSAParameters { Modulus = rsa.Modulus.ToByteArrayUnsigned(), Exponent = rsa.PublicExponent.ToByteArrayUnsigned() };
            KeyAlgorithm = CebSignatureAlgorithm.RsaSha1;
        }
        else if (algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey) && PublicKey is ECPublicKeyParameters ec && Sm2.IsSm2Curve(ec.Parameters))
        {
            Sm2PublicKey = ec;
            KeyAlgorithm = CebSignatureAlgorithm.Sm2Sm3;
        }
    }

    internal X509Certificate Native { get; }

    /// <summary>BouncyCastle's view of the key (X509Certificate caches it), for key matching and CA checks.</summary>
    internal AsymmetricKeyParameter PublicKey => Native.GetPublicKey();

    internal RSAParameters? RsaPublicKey { get; }

    internal ECPublicKeyParameters? Sm2PublicKey { get; }

    /// <summary>Subject distinguished name, e.g. <c>C=CN,O=...,CN=...</c>.</summary>
    public string Subject => Native.SubjectDN.ToString();

    /// <summary>Issuer distinguished name.</summary>
    public string Issuer => Native.IssuerDN.ToString();

    /// <summary>Serial number as lower-case hex, two digits per byte of its unsigned big-endian form (e.g. <c>01691fe9</c>).</summary>
    public string SerialNumberHex => Convert.ToHexStringLower(Native.SerialNumber.ToByteArrayUnsigned());

    /// <summary>SHA-1 thumbprint in upper-case hex, as Windows and .NET show it.</summary>
    public string Thumbprint => Convert.ToHexString(SHA1.HashData(_der));

    /// <summary>SHA-256 thumbprint in upper-case hex.</summary>
    public string Sha256Thumbprint => Convert.ToHexString(SHA256.HashData(_der));

    /// <summary>Start of the validity period.</summary>
    public DateTimeOffset NotBefore => new(Native.NotBefore.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>End of the validity period.</summary>
    public DateTimeOffset NotAfter => new(Native.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>The algorithm this certificate's key signs with, or null when the key is neither SM2 nor RSA.</summary>
    public CebSignatureAlgorithm? KeyAlgorithm { get; }

    /// <summary>The DER encoding.</summary>
    public byte[] GetRawData() => (byte[])_der.Clone();

    internal ReadOnlySpan<byte> Der => _der;

    /// <summary>Reads a DER-encoded certificate.</summary>
    public static CebCertificate FromDer(ReadOnlySpan<byte> der)
    {
        var certificate = new X509CertificateParser().ReadCertificate(der.ToArray())
            ?? throw new CebSigningException("No certificate in the data.");
        return new CebCertificate(certificate);
    }

    /// <summary>Reads every certificate of a PEM text (or a DER blob given as bytes of a file).</summary>
    public static IReadOnlyList<CebCertificate> ReadAll(ReadOnlySpan<byte> pemOrDer)
    {
        var list = new X509CertificateParser().ReadCertificates(pemOrDer.ToArray())
            .Select(c => new CebCertificate(c))
            .ToList();
        return list.Count > 0 ? list : throw new CebSigningException("No certificate in the data.");
    }

    /// <summary>Reads every certificate of a PEM or DER file.</summary>
    public static IReadOnlyList<CebCertificate> LoadFile(string path) => ReadAll(File.ReadAllBytes(path));

    /// <summary>True when both hold the same DER encoding.</summary>
    public bool SameAs(CebCertificate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _der.AsSpan().SequenceEqual(other._der);
    }

    public override string ToString() => Subject;
}

/// <summary>Thrown when a key, certificate or document cannot be used for signing.</summary>
public sealed class CebSigningException : Exception
{
    public CebSigningException()
    {
    }

    public CebSigningException(string message)
        : base(message)
    {
    }

    public CebSigningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
