using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

public class CebSignerTests
{
    [Theory]
    [InlineData(CebSignatureAlgorithm.Sm2Sm3)]
    [InlineData(CebSignatureAlgorithm.RsaSha1)]
    public void Signed_message_verifies_and_reports_signer_and_algorithm(CebSignatureAlgorithm algorithm)
    {
        using var signer = Pki.Signer(algorithm);
        var signed = signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621()));

        var result = CebSignatureVerifier.Default.Verify(signed);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(algorithm, result.Algorithm);
        Assert.Equal(signer.Certificate.Subject, result.Certificate!.Subject);
        Assert.Null(result.TransportCode);
    }

    [Fact]
    public void Sm2_signature_uses_the_official_uris_raw_64_byte_value_and_certificate_number_as_key_name()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621())));

        Assert.Equal(CebSignatureUris.C14N, Pki.Select(document, "//ds:CanonicalizationMethod").GetAttribute("Algorithm"));
        Assert.Equal(CebSignatureUris.Sm2Sm3, Pki.Select(document, "//ds:SignatureMethod").GetAttribute("Algorithm"));
        Assert.Equal(CebSignatureUris.Sm3, Pki.Select(document, "//ds:DigestMethod").GetAttribute("Algorithm"));
        Assert.Equal(CebSignatureUris.EnvelopedSignature, Pki.Select(document, "//ds:Transform").GetAttribute("Algorithm"));
        Assert.Equal(string.Empty, Pki.Select(document, "//ds:Reference").GetAttribute("URI"));
        Assert.Equal(32, Convert.FromBase64String(Pki.Select(document, "//ds:DigestValue").InnerText).Length);
        Assert.Equal(64, Convert.FromBase64String(Pki.Select(document, "//ds:SignatureValue").InnerText).Length);
        Assert.Equal(signer.Certificate.SerialNumberHex, Pki.Select(document, "//ds:KeyInfo/ds:KeyName").InnerText);
        Assert.Equal(signer.Certificate.GetRawData(), Convert.FromBase64String(Pki.Select(document, "//ds:X509Data/ds:X509Certificate").InnerText));
    }

    [Fact]
    public void Rsa_signature_uses_rsa_sha1_and_sha1()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.RsaSha1);
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.Order303)));

        Assert.Equal(CebSignatureUris.RsaSha1, Pki.Select(document, "//ds:SignatureMethod").GetAttribute("Algorithm"));
        Assert.Equal(CebSignatureUris.Sha1, Pki.Select(document, "//ds:DigestMethod").GetAttribute("Algorithm"));
    }

    [Fact]
    public void Rsa_signature_verifies_with_dotnet_SignedXml()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.RsaSha1);
        foreach (var message in new[] { SampleMessages.Inventory621(), SampleMessages.Order303, SampleMessages.DxpEnvelope })
        {
            var document = Pki.Load(signer.Sign(SampleMessages.Utf8(message)));
            var signedXml = new SignedXml(document);
            signedXml.LoadXml(Pki.Select(document, "/*/ds:Signature"));
            using var certificate = X509CertificateLoader.LoadCertificate(signer.Certificate.GetRawData());

            Assert.True(signedXml.CheckSignature(certificate, verifySignatureOnly: true), message[..80]);
        }
    }

    [Fact]
    public void Import_message_gets_its_signature_as_last_child_after_ExtendMessage()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621())));

        Assert.Equal(["Inventory", "BaseTransfer", "ExtendMessage", "Signature"], ChildNames(document));
    }

    [Fact]
    public void Export_message_gets_its_signature_before_ExtendMessage()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.Order303)));

        Assert.Equal(["Order", "BaseTransfer", "BaseSubscribe", "Signature", "ExtendMessage"], ChildNames(document));
        Assert.True(CebSignatureVerifier.Default.Verify(document).IsValid);
    }

    [Fact]
    public void Dxp_envelope_gets_its_signature_last_and_verifies()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.DxpEnvelope)));

        Assert.Equal(["TransInfo", "Data", "Signature"], ChildNames(document));
        Assert.True(CebSignatureVerifier.Default.Verify(document).IsValid);
    }

    [Fact]
    public void Signing_again_replaces_the_old_signature()
    {
        using var sm2 = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        using var rsa = Pki.Signer(CebSignatureAlgorithm.RsaSha1);
        var twice = rsa.Sign(sm2.Sign(SampleMessages.Utf8(SampleMessages.Inventory621())));

        var document = Pki.Load(twice);
        Assert.Single(document.GetElementsByTagName("Signature", CebNamespaces.XmlDsig).Cast<XmlNode>());
        var result = CebSignatureVerifier.Default.Verify(document);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(CebSignatureAlgorithm.RsaSha1, result.Algorithm);
    }

    [Fact]
    public void Receipt_messages_have_no_signature_in_the_schema_and_are_refused()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var receipt = """<ceb:CEB622Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"><ceb:InventoryReturn/></ceb:CEB622Message>""";

        Assert.Throws<CebSigningException>(() => signer.Sign(SampleMessages.Utf8(receipt)));
    }

    [Fact]
    public void Signing_an_XmlDocument_in_place_and_signing_bytes_give_verifiable_results()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var document = Pki.Load(SampleMessages.Inventory621());
        signer.Sign(document);
        Assert.True(CebSignatureVerifier.Default.Verify(document).IsValid);

        using var input = new MemoryStream(SampleMessages.Utf8(SampleMessages.Inventory621()));
        using var output = new MemoryStream();
        signer.Sign(input, output);
        Assert.True(CebSignatureVerifier.Default.Verify(output.ToArray()).IsValid);
    }

    [Fact]
    public void Signed_bytes_keep_the_content_outside_the_signature_unchanged()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        var original = SampleMessages.Inventory621();
        var signed = System.Text.Encoding.UTF8.GetString(signer.Sign(SampleMessages.Utf8(original)));

        var start = signed.IndexOf("<ds:Signature", StringComparison.Ordinal);
        var end = signed.IndexOf("</ds:Signature>", StringComparison.Ordinal) + "</ds:Signature>".Length;
        // Only the spelling of a character reference may change (&#10; is written &#xA;).
        var expected = original.Replace("&#10;", "&#xA;", StringComparison.Ordinal).TrimEnd('\n');
        Assert.Equal(expected, (signed[..start] + signed[end..]).TrimEnd('\n'));
    }

    [Fact]
    public void Key_name_and_sm2_encoding_can_be_chosen()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3, new CebSignerOptions { KeyName = "0001", Sm2Encoding = Sm2SignatureEncoding.Der });
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621())));

        Assert.Equal("0001", Pki.Select(document, "//ds:KeyName").InnerText);
        Assert.Equal(0x30, Convert.FromBase64String(Pki.Select(document, "//ds:SignatureValue").InnerText)[0]);
        Assert.True(CebSignatureVerifier.Default.Verify(document).IsValid);
    }

    private static string[] ChildNames(XmlDocument document) =>
        document.DocumentElement!.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName).ToArray();
}
