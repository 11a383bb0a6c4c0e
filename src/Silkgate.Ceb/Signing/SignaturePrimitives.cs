using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Silkgate.Ceb.Signing;

/// <summary>Signs canonical SignedInfo bytes with one private key.</summary>
internal sealed class SignatureKey : IDisposable
{
    private readonly Sm2.PrivateKey? _sm2;
    private readonly Sm2SignatureEncoding _sm2Encoding;
    private readonly RSA? _rsa;
    private readonly Lock _rsaLock = new();

    public SignatureKey(CebSigningCredentials credentials, CebSignerOptions options)
    {
        Algorithm = credentials.Algorithm;
        switch (credentials.PrivateKey)
        {
            case ECPrivateKeyParameters ec:
                _sm2 = new Sm2.PrivateKey(ec.D, Encoding.ASCII.GetBytes(options.Sm2UserId));
                _sm2Encoding = options.Sm2Encoding;
                break;
            case RsaPrivateCrtKeyParameters rsa:
                // .NET's RSA (OpenSSL) signs several times faster than BouncyCastle's.
                _rsa = RSA.Create(DotNetUtilities.ToRSAParameters(rsa));
                break;
            default:
                throw new CebSigningException("Only SM2 and RSA (CRT) private keys can sign.");
        }
    }

    public CebSignatureAlgorithm Algorithm { get; }

    public byte[] Sign(byte[] canonicalSignedInfo)
    {
        if (_sm2 is not null)
        {
            var (r, s) = _sm2.Sign(canonicalSignedInfo);
            return Sm2.Encode(r, s, _sm2Encoding);
        }

        // RSA objects are not documented as safe for concurrent use; a signer is.
        lock (_rsaLock)
        {
            return _rsa!.SignData(canonicalSignedInfo, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        }
    }

    public void Dispose() => _rsa?.Dispose();
}

/// <summary>Verifies a signature value over canonical SignedInfo with a certificate's public key.</summary>
internal static class SignatureCheck
{
    public static bool Verify(CebSignatureAlgorithm algorithm, CebCertificate certificate, byte[] data, byte[] signature, ReadOnlySpan<byte> sm2UserId)
    {
        if (algorithm == CebSignatureAlgorithm.Sm2Sm3 && certificate.Sm2PublicKey is { } ec)
        {
            return Sm2.TryDecode(signature, out var r, out var s) && Sm2.Verify(ec.Q, sm2UserId, data, r, s);
        }

        if (algorithm == CebSignatureAlgorithm.RsaSha1 && certificate.RsaPublicKey is { } parameters)
        {
            using var rsa = RSA.Create(parameters);
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        }

        return false;
    }
}
