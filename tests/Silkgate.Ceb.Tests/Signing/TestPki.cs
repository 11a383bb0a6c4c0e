using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

/// <summary>A certificate with its key pair, made by <see cref="TestPki"/>.</summary>
internal sealed record TestIdentity(X509Certificate Certificate, AsymmetricKeyParameter PrivateKey, AsymmetricKeyParameter PublicKey)
{
    public CebCertificate CebCertificate => global::Silkgate.Ceb.Signing.CebCertificate.FromDer(Certificate.GetEncoded());

    public string CertificatePem => TestPki.ToPem(Certificate);

    /// <summary>The private key as unencrypted PKCS#8 ("PRIVATE KEY").</summary>
    public string Pkcs8Pem => TestPki.ToPem(new Pkcs8Generator(PrivateKey).Generate());

    /// <summary>The private key in its traditional form: SEC1 "EC PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY".</summary>
    public string TraditionalKeyPem => TestPki.ToPem(PrivateKey);

    public CebSigningCredentials Credentials => CebSigningCredentials.FromPem(CertificatePem, Pkcs8Pem);

    public byte[] ToPkcs12(string password)
    {
        var store = new Pkcs12StoreBuilder().Build();
        store.SetKeyEntry("signer", new AsymmetricKeyEntry(PrivateKey), [new X509CertificateEntry(Certificate)]);
        using var output = new MemoryStream();
        store.Save(output, password.ToCharArray(), new SecureRandom());
        return output.ToArray();
    }
}

/// <summary>
/// Test certificate authorities and end-entity certificates, SM2 (SM3withSM2) and RSA (SHA256withRSA),
/// made with BouncyCastle. Shared by the Ceb tests, the CLI tests and the benchmarks (linked source).
/// </summary>
internal static class TestPki
{
    private static readonly SecureRandom Random = new();
    private static long _serial = 0x0100;

    public static TestIdentity CreateSm2Ca(string name = "Silkgate Test SM2 CA") =>
        Issue(NewSm2KeyPair(), $"C=CN,O=Silkgate Test,CN={name}", issuer: null, isCa: true, "SM3WITHSM2");

    public static TestIdentity CreateRsaCa(string name = "Silkgate Test RSA CA") =>
        Issue(NewRsaKeyPair(), $"C=CN,O=Silkgate Test,CN={name}", issuer: null, isCa: true, "SHA256WITHRSA");

    public static TestIdentity IssueSm2(TestIdentity ca, string name = "Test Enterprise SM2", DateTime? notBefore = null, DateTime? notAfter = null) =>
        Issue(NewSm2KeyPair(), $"C=CN,O=Test Enterprise,CN={name}", ca, isCa: false, "SM3WITHSM2", notBefore, notAfter);

    public static TestIdentity IssueRsa(TestIdentity ca, string name = "Test Enterprise RSA") =>
        Issue(NewRsaKeyPair(), $"C=CN,O=Test Enterprise,CN={name}", ca, isCa: false, "SHA256WITHRSA");

    /// <summary>An SM2 key pair from a fixed private scalar, for reproducible keys.</summary>
    public static AsymmetricCipherKeyPair Sm2KeyPair(BigInteger d)
    {
        var domain = Sm2Domain();
        return new AsymmetricCipherKeyPair(new ECPublicKeyParameters(domain.G.Multiply(d).Normalize(), domain), new ECPrivateKeyParameters(d, domain));
    }

    public static TestIdentity SelfSignedSm2(AsymmetricCipherKeyPair keys, string name, DateTime notBefore, DateTime notAfter) =>
        Issue(keys, $"C=CN,O=Silkgate Test,CN={name}", issuer: null, isCa: false, "SM3WITHSM2", notBefore, notAfter);

    public static TestIdentity SelfSignedRsaForKat() =>
        Issue(NewRsaKeyPair(), "C=CN,O=Silkgate Test,CN=Silkgate Known Answer RSA", issuer: null, isCa: false, "SHA256WITHRSA", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2044, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public static AsymmetricCipherKeyPair NewSm2KeyPair()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Sm2Domain(), Random));
        return generator.GenerateKeyPair();
    }

    public static AsymmetricCipherKeyPair NewRsaKeyPair()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), Random, 2048, 80));
        return generator.GenerateKeyPair();
    }

    public static string ToPem(object value)
    {
        using var text = new StringWriter();
        using (var writer = new PemWriter(text))
        {
            writer.WriteObject(value);
        }

        return text.ToString();
    }

    /// <summary>Writes identity files to a fresh temp directory: cert.pem, key.pk8.pem, key.sec1.pem, id.p12.</summary>
    public static string WriteFiles(TestIdentity identity, string password)
    {
        var directory = Directory.CreateTempSubdirectory("silkgate-pki-").FullName;
        File.WriteAllText(Path.Combine(directory, "cert.pem"), identity.CertificatePem);
        File.WriteAllText(Path.Combine(directory, "key.pk8.pem"), identity.Pkcs8Pem);
        File.WriteAllText(Path.Combine(directory, "key.sec1.pem"), identity.TraditionalKeyPem);
        File.WriteAllBytes(Path.Combine(directory, "id.p12"), identity.ToPkcs12(password));
        return directory;
    }

    // Named domain parameters make key encodings carry the SM2 curve OID 1.2.156.10197.1.301.
    private static ECNamedDomainParameters Sm2Domain() =>
        new(GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));

    private static TestIdentity Issue(AsymmetricCipherKeyPair keys, string subject, TestIdentity? issuer, bool isCa, string algorithm, DateTime? notBefore = null, DateTime? notAfter = null)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.ValueOf(Interlocked.Increment(ref _serial)));
        generator.SetSubjectDN(new X509Name(subject));
        generator.SetIssuerDN(issuer?.Certificate.SubjectDN ?? new X509Name(subject));
        generator.SetNotBefore(notBefore ?? DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(notAfter ?? DateTime.UtcNow.AddYears(2));
        generator.SetPublicKey(keys.Public);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(isCa));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(isCa ? KeyUsage.KeyCertSign | KeyUsage.CrlSign : KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        var signingKey = issuer?.PrivateKey ?? keys.Private;
        var certificate = generator.Generate(new Asn1SignatureFactory(algorithm, signingKey, Random));
        return new TestIdentity(certificate, keys.Private, keys.Public);
    }
}
