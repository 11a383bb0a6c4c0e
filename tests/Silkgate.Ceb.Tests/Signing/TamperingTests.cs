using System.Text;
using System.Xml;
using FsCheck.Xunit;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

public class TamperingTests
{
    private static readonly CebSigner Sm2 = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
    private static readonly string Signed = Encoding.UTF8.GetString(Sm2.Sign(SampleMessages.Utf8(SampleMessages.Inventory621())));

    [Theory]
    [InlineData("<ceb:orderNo>SG2024050100001</ceb:orderNo>", "<ceb:orderNo>SG2024050100002</ceb:orderNo>")]
    [InlineData("<ceb:qty>2</ceb:qty>", "<ceb:qty>20</ceb:qty>")]
    [InlineData("<ceb:freight>0</ceb:freight>", "<ceb:freight>0</ceb:freight><ceb:insuredFee>0</ceb:insuredFee>")]
    [InlineData("guid=\"4CDE1CFD-EDED-46B1-946C-B8022E42FC94\" version", "guid=\"4CDE1CFD-EDED-46B1-946C-B8022E42FC95\" version")]
    [InlineData("<ceb:copCode>", "<ceb:copCode extra=\"1\">")]
    [InlineData("<ceb:note>test</ceb:note>", "<ceb:note> test</ceb:note>")]
    [InlineData("<ceb:Message>x</ceb:Message>", "<ceb:Message>y</ceb:Message>")]
    public void Changed_content_fails_as_signature_does_not_match_data(string original, string tampered)
    {
        var result = Verify(Replace(Signed, original, tampered));

        Assert.Equal(CebSignatureFailure.DigestMismatch, result.Failure);
        Assert.Equal("1004", result.TransportCode);
        Assert.Equal(-621028, result.ListCode);
    }

    [Fact]
    public void Added_comment_is_not_signed_content_and_still_verifies() =>
        Assert.True(Verify(Replace(Signed, "<ceb:Inventory>", "<ceb:Inventory><!-- note -->")).IsValid);

    [Fact]
    public void Changed_DigestValue_in_SignedInfo_fails_as_invalid_signature()
    {
        var document = Pki.Load(Signed);
        var digest = Pki.Select(document, "//ds:DigestValue");
        digest.InnerText = Convert.ToBase64String(new byte[32]);

        AssertInvalidSignature(CebSignatureVerifier.Default.Verify(document), CebSignatureFailure.SignatureMismatch);
    }

    [Fact]
    public void Changed_SignatureValue_fails_as_invalid_signature()
    {
        var document = Pki.Load(Signed);
        var value = Pki.Select(document, "//ds:SignatureValue");
        var bytes = Convert.FromBase64String(value.InnerText);
        bytes[10] ^= 0x01;
        value.InnerText = Convert.ToBase64String(bytes);

        AssertInvalidSignature(CebSignatureVerifier.Default.Verify(document), CebSignatureFailure.SignatureMismatch);
    }

    [Fact]
    public void Changed_SignatureMethod_fails_as_invalid_signature()
    {
        var document = Pki.Load(Signed);
        Pki.Select(document, "//ds:SignatureMethod").SetAttribute("Algorithm", CebSignatureUris.RsaSha1);

        AssertInvalidSignature(CebSignatureVerifier.Default.Verify(document), CebSignatureFailure.InvalidCertificate);
    }

    [Fact]
    public void Swapped_certificate_fails_as_invalid_signature()
    {
        var document = Pki.Load(Signed);
        var other = TestPki.IssueSm2(Pki.Sm2Ca, "Someone Else");
        Pki.Select(document, "//ds:X509Certificate").InnerText = Convert.ToBase64String(other.Certificate.GetEncoded());

        AssertInvalidSignature(CebSignatureVerifier.Default.Verify(document), CebSignatureFailure.SignatureMismatch);
    }

    [Fact]
    public void Removed_signature_fails_as_signature_information_empty()
    {
        var document = Pki.Load(Signed);
        var signature = Pki.Select(document, "/*/ds:Signature");
        signature.ParentNode!.RemoveChild(signature);

        var result = CebSignatureVerifier.Default.Verify(document);
        Assert.Equal(CebSignatureFailure.MissingSignature, result.Failure);
        Assert.Equal("1001", result.TransportCode);
        Assert.Equal(-621026, result.ListCode);
    }

    [Fact]
    public void Duplicated_signature_fails_as_malformed()
    {
        var document = Pki.Load(Signed);
        var signature = Pki.Select(document, "/*/ds:Signature");
        document.DocumentElement!.AppendChild(signature.CloneNode(deep: true));

        AssertInvalidSignature(CebSignatureVerifier.Default.Verify(document), CebSignatureFailure.MalformedSignature);
    }

    [Theory]
    [InlineData("URI=\"\"", "URI=\"#Inventory\"", CebSignatureFailure.MalformedSignature)]
    [InlineData("REC-xml-c14n-20010315\"", "REC-xml-c14n-20010315#WithComments\"", CebSignatureFailure.UnsupportedAlgorithm)]
    [InlineData("xmldsig#enveloped-signature", "xmldsig#base64", CebSignatureFailure.UnsupportedAlgorithm)]
    [InlineData("2022/04/xmldsig#sm3", "2001/04/xmlenc#sha256", CebSignatureFailure.UnsupportedAlgorithm)]
    [InlineData("<ds:X509Data>", "<ds:X509Data><ds:X509Certificate>AAAA</ds:X509Certificate>", CebSignatureFailure.InvalidCertificate)]
    public void Altered_signature_structure_fails_with_a_precise_reason(string original, string altered, CebSignatureFailure expected) =>
        AssertInvalidSignature(Verify(Replace(Signed, original, altered)), expected);

    [Fact]
    public void Bytes_that_are_not_xml_fail_as_message_format_error()
    {
        var result = CebSignatureVerifier.Default.Verify("<ceb:CEB621Message"u8);

        Assert.Equal(CebSignatureFailure.MalformedDocument, result.Failure);
        Assert.Equal("0001", result.TransportCode);
    }

    [Property(MaxTest = 60)]
    public bool Any_change_to_any_text_value_is_detected(int nodeSeed, char replacement)
    {
        var document = Pki.Load(Signed);
        var texts = document.DocumentElement!.SelectNodes("//ceb:*/text()[normalize-space()]", Pki.Namespaces(document))!.Cast<XmlText>().ToList();
        var text = texts[(int)((uint)nodeSeed % (uint)texts.Count)];
        var changed = replacement.ToString() + text.Value;
        if (char.IsSurrogate(replacement) || replacement == '\r' || (replacement < ' ' && replacement is not ('\t' or '\n')))
        {
            return true; // not representable as XML character data
        }

        text.Value = changed;
        return CebSignatureVerifier.Default.Verify(document).Failure == CebSignatureFailure.DigestMismatch;
    }

    private static CebSignatureResult Verify(string xml) => CebSignatureVerifier.Default.Verify(Encoding.UTF8.GetBytes(xml));

    private static string Replace(string xml, string original, string tampered)
    {
        Assert.Contains(original, xml, StringComparison.Ordinal);
        return xml.Replace(original, tampered, StringComparison.Ordinal);
    }

    private static void AssertInvalidSignature(CebSignatureResult result, CebSignatureFailure expected)
    {
        Assert.Equal(expected, result.Failure);
        Assert.Equal("1001", result.TransportCode);
        Assert.Equal(-621029, result.ListCode);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }
}
