using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

public class CredentialsTests
{
    [Theory]
    [InlineData(CebSignatureAlgorithm.Sm2Sm3)]
    [InlineData(CebSignatureAlgorithm.RsaSha1)]
    public void Pkcs12_and_both_pem_key_forms_load_and_sign(CebSignatureAlgorithm algorithm)
    {
        var identity = algorithm == CebSignatureAlgorithm.Sm2Sm3 ? Pki.Sm2Signer : Pki.RsaSigner;
        var directory = TestPki.WriteFiles(identity, "s3cret");
        try
        {
            var loaded = new[]
            {
                CebSigningCredentials.LoadPkcs12(Path.Combine(directory, "id.p12"), "s3cret"),
                CebSigningCredentials.LoadPem(Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pk8.pem")),
                CebSigningCredentials.LoadPem(Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.sec1.pem")),
            };

            foreach (var credentials in loaded)
            {
                Assert.Equal(algorithm, credentials.Algorithm);
                Assert.True(credentials.Certificate.SameAs(identity.CebCertificate));
                using var signer = new CebSigner(credentials);
                Assert.True(CebSignatureVerifier.Default.Verify(signer.Sign(SampleMessages.Utf8(SampleMessages.Order303))).IsValid);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Sec1_pem_key_carries_the_sm2_curve_oid()
    {
        var pem = Pki.Sm2Signer.TraditionalKeyPem;
        Assert.Contains("BEGIN EC PRIVATE KEY", pem, StringComparison.Ordinal);
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        byte[] sm2CurveOid = [0x06, 0x08, 0x2A, 0x81, 0x1C, 0xCF, 0x55, 0x01, 0x82, 0x2D];
        Assert.True(der.AsSpan().IndexOf(sm2CurveOid) >= 0);
    }

    [Fact]
    public void Encrypted_pkcs8_pem_key_loads_with_its_password()
    {
        var identity = Pki.Sm2Signer;
        var generator = new Pkcs8Generator(identity.PrivateKey, Pkcs8Generator.PbeWithShaAnd3KeyTripleDesCbc) { Password = "pw".ToCharArray(), SecureRandom = new SecureRandom() };
        var encrypted = TestPki.ToPem(generator.Generate());

        Assert.Equal(CebSignatureAlgorithm.Sm2Sm3, CebSigningCredentials.FromPem(identity.CertificatePem, encrypted, "pw").Algorithm);
        Assert.Throws<CebSigningException>(() => CebSigningCredentials.FromPem(identity.CertificatePem, encrypted, "wrong"));
        Assert.Throws<CebSigningException>(() => CebSigningCredentials.FromPem(identity.CertificatePem, encrypted));
    }

    [Fact]
    public void Pkcs12_exported_by_dotnet_loads()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DotNet Exported", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pfx = certificate.Export(X509ContentType.Pkcs12, "pw");

        var credentials = CebSigningCredentials.FromPkcs12(pfx, "pw");

        Assert.Equal(CebSignatureAlgorithm.RsaSha1, credentials.Algorithm);
        Assert.Equal(certificate.Thumbprint, credentials.Certificate.Thumbprint);
    }

    [Fact]
    public void Wrong_pkcs12_password_is_a_signing_exception() =>
        Assert.Throws<CebSigningException>(() => CebSigningCredentials.FromPkcs12(Pki.Sm2Signer.ToPkcs12("right"), "wrong"));

    [Fact]
    public void Key_of_another_certificate_is_refused()
    {
        var other = TestPki.IssueSm2(Pki.Sm2Ca, "Other");
        Assert.Throws<CebSigningException>(() => CebSigningCredentials.FromPem(Pki.Sm2Signer.CertificatePem, other.Pkcs8Pem));
    }

    [Fact]
    public void Certificate_reports_serial_subject_and_key_algorithm()
    {
        var certificate = Pki.Sm2Signer.CebCertificate;

        Assert.Equal(Pki.Sm2Signer.Certificate.SerialNumber.ToString(16).PadLeft(certificate.SerialNumberHex.Length, '0'), certificate.SerialNumberHex);
        Assert.Contains("CN=Test Enterprise SM2", certificate.Subject, StringComparison.Ordinal);
        Assert.Equal(CebSignatureAlgorithm.Sm2Sm3, certificate.KeyAlgorithm);
        Assert.Equal(2, CebCertificate.ReadAll(System.Text.Encoding.ASCII.GetBytes(Pki.Sm2Signer.CertificatePem + Pki.Sm2Ca.CertificatePem)).Count);
        Assert.IsType<ECPublicKeyParameters>(Pki.Sm2Signer.PublicKey);
    }
}
