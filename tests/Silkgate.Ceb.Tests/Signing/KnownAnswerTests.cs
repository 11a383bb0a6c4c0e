using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

public class KnownAnswerTests
{
    // Expected values computed outside .NET: `xmllint --c14n` (comments removed, as URI="" requires)
    // piped into `openssl dgst -sm3` and `openssl dgst -sha1`.
    private const string Sm3OfCanonicalInventory = "54Y5LfSs7fVmdahQNRMM9uo64PZTPhAgDkbpt572xO0=";
    private const string Sha1OfCanonicalInventory = "mk1mMgayOBlSPJ6whHwY8cTE4+o=";

    [Fact]
    public void Sm3_digest_of_the_canonical_sample_inventory_is_fixed()
    {
        Assert.Equal(Sm3OfCanonicalInventory, Convert.ToBase64String(XmlC14N.Digest(Pki.Load(SampleMessages.Inventory621()), CebSignatureUris.Sm3)));
    }

    [Fact]
    public void Sha1_digest_of_the_canonical_sample_inventory_is_fixed()
    {
        Assert.Equal(Sha1OfCanonicalInventory, Convert.ToBase64String(XmlC14N.Digest(Pki.Load(SampleMessages.Inventory621()), CebSignatureUris.Sha1)));
    }

    [Fact]
    public void Signed_digest_value_equals_the_fixed_digest()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621())));

        Assert.Equal(Sm3OfCanonicalInventory, Pki.Select(document, "//ds:DigestValue").InnerText);
    }

    [Theory]
    [InlineData(nameof(KnownAnswers.Sm2DerInventory), KnownAnswers.Sm2CertificateThumbprint)]
    [InlineData(nameof(KnownAnswers.Sm2RawOrder), KnownAnswers.Sm2CertificateThumbprint)]
    [InlineData(nameof(KnownAnswers.RsaDxpEnvelope), KnownAnswers.RsaCertificateThumbprint)]
    public void Committed_signed_message_verifies_and_is_trusted_by_thumbprint(string name, string thumbprint)
    {
        var result = CebSignatureVerifier.Default.Verify(Encoding.UTF8.GetBytes(Message(name)), SignatureTrust.FromThumbprints([thumbprint]));

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData(nameof(KnownAnswers.Sm2DerInventory), "<ceb:qty>2</ceb:qty>", "<ceb:qty>3</ceb:qty>")]
    [InlineData(nameof(KnownAnswers.Sm2RawOrder), "<orderNo>EX0001</orderNo>", "<orderNo>EX0002</orderNo>")]
    [InlineData(nameof(KnownAnswers.RsaDxpEnvelope), "<dxp:MsgType>CEB621Message</dxp:MsgType>", "<dxp:MsgType>CEB623Message</dxp:MsgType>")]
    public void Committed_signed_message_fails_once_changed(string name, string original, string changed)
    {
        var tampered = Message(name).Replace(original, changed, StringComparison.Ordinal);
        Assert.NotEqual(Message(name), tampered);

        Assert.Equal(CebSignatureFailure.DigestMismatch, CebSignatureVerifier.Default.Verify(Encoding.UTF8.GetBytes(tampered)).Failure);
    }

    [Fact]
    public void Committed_sm2_message_was_signed_by_the_fixed_key()
    {
        var d = new BigInteger(1, Sm3.HashData("silkgate-known-answer-sm2-key"u8));
        var result = CebSignatureVerifier.Default.Verify(Encoding.UTF8.GetBytes(KnownAnswers.Sm2DerInventory));

        var embedded = (ECPublicKeyParameters)result.Certificate!.PublicKey;
        Assert.Equal(((ECPublicKeyParameters)TestPki.Sm2KeyPair(d).Public).Q.GetEncoded(false), embedded.Q.GetEncoded(false));
    }

    [Fact]
    public void Committed_rsa_message_verifies_with_dotnet_SignedXml()
    {
        var document = Pki.Load(KnownAnswers.RsaDxpEnvelope);
        var signedXml = new SignedXml(document);
        signedXml.LoadXml(Pki.Select(document, "/*/ds:Signature"));
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Pki.Select(document, "//ds:X509Certificate").InnerText));

        Assert.True(signedXml.CheckSignature(certificate, verifySignatureOnly: true));
    }

    private static string Message(string name) => name switch
    {
        nameof(KnownAnswers.Sm2DerInventory) => KnownAnswers.Sm2DerInventory,
        nameof(KnownAnswers.Sm2RawOrder) => KnownAnswers.Sm2RawOrder,
        _ => KnownAnswers.RsaDxpEnvelope,
    };
}
