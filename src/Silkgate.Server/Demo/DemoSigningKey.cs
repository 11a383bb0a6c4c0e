using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Silkgate.Server.Demo;

/// <summary>A demo enterprise's signing identity as an enterprise would bring it: its certificate (PEM) and a PKCS#12 with the key.</summary>
internal sealed record DemoSigningKey(string CertificatePem, byte[] Pkcs12, string Password)
{
    /// <summary>Protects the PKCS#12 only on its way into the deposit, which keeps the key (sealed) and drops the file and password.</summary>
    public const string TransitPassword = "silkgate-demo";

    private static readonly SecureRandom Random = new();

    /// <summary>
    /// A fresh SM2 key pair and a self-signed SM3withSM2 certificate naming the enterprise. Self-signed, because customs
    /// (and the sandbox) check that the signature matches the certificate it carries, and the platform trusts a certificate
    /// by its registration, not by its issuer; a demo CA would add a secret to keep and nothing to check.
    /// </summary>
    public static DemoSigningKey Create(string enterpriseName, string enterpriseCode, DateTimeOffset validFrom, DateTimeOffset validUntil)
    {
        var domain = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(domain, Random));
        var keys = generator.GenerateKeyPair();

        var subject = new X509Name([X509Name.C, X509Name.O, X509Name.OU, X509Name.CN],
            new[] { "CN", enterpriseName, "Silkgate 演示 demo (not a real certificate)", enterpriseCode });
        var builder = new X509V3CertificateGenerator();
        builder.SetSerialNumber(new BigInteger(1, SecureRandom.GetNextBytes(Random, 8)).Add(BigInteger.One));
        builder.SetSubjectDN(subject);
        builder.SetIssuerDN(subject);
        builder.SetNotBefore(validFrom.UtcDateTime);
        builder.SetNotAfter(validUntil.UtcDateTime);
        builder.SetPublicKey(keys.Public);
        builder.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        builder.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        var certificate = builder.Generate(new Asn1SignatureFactory("SM3WITHSM2", keys.Private, Random));

        var store = new Pkcs12StoreBuilder().Build();
        store.SetKeyEntry("signer", new AsymmetricKeyEntry(keys.Private), [new X509CertificateEntry(certificate)]);
        using var output = new MemoryStream();
        store.Save(output, TransitPassword.ToCharArray(), Random);
        return new DemoSigningKey(Pem(certificate), output.ToArray(), TransitPassword);
    }

    private static string Pem(X509Certificate certificate)
    {
        using var text = new StringWriter();
        using (var writer = new PemWriter(text))
        {
            writer.WriteObject(certificate);
        }

        return text.ToString();
    }
}
