using System.Xml;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

public class VerifierVariantTests
{
    [Fact]
    public void Field_variant_w3c_sm2_sm3_with_sha1_digest_is_accepted()
    {
        var document = SignWith(CebSignatureUris.Sm2Sm3W3cVariant, CebSignatureUris.Sha1);

        var result = CebSignatureVerifier.Default.Verify(document);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(CebSignatureAlgorithm.Sm2Sm3, result.Algorithm);
        Assert.Equal(CebSignatureUris.Sm2Sm3W3cVariant, result.SignatureMethod);
        Assert.Equal(CebSignatureUris.Sha1, result.DigestMethod);
    }

    [Fact]
    public void Field_variant_is_refused_when_variants_are_switched_off()
    {
        var strict = new CebSignatureVerifier(new CebVerifierOptions { AcceptFieldVariants = false });

        Assert.Equal(CebSignatureFailure.UnsupportedAlgorithm, strict.Verify(SignWith(CebSignatureUris.Sm2Sm3W3cVariant, CebSignatureUris.Sha1)).Failure);
        Assert.Equal(CebSignatureFailure.UnsupportedAlgorithm, strict.Verify(SignWith(CebSignatureUris.Sm2Sm3, CebSignatureUris.Sha1)).Failure);
        Assert.True(strict.Verify(SignWith(CebSignatureUris.Sm2Sm3, CebSignatureUris.Sm3)).IsValid);
    }

    [Fact]
    public void Tampered_field_variant_message_still_fails()
    {
        var document = SignWith(CebSignatureUris.Sm2Sm3W3cVariant, CebSignatureUris.Sha1);
        Pki.Select(document, "//ceb:orderNo").InnerText = "OTHER";

        Assert.Equal(CebSignatureFailure.DigestMismatch, CebSignatureVerifier.Default.Verify(document).Failure);
    }

    [Fact]
    public void Other_sm2_user_id_than_the_signer_used_fails()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3, new CebSignerOptions { Sm2UserId = "SILKGATE" });
        var signed = signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621()));

        Assert.Equal(CebSignatureFailure.SignatureMismatch, CebSignatureVerifier.Default.Verify(signed).Failure);
        Assert.True(new CebSignatureVerifier(new CebVerifierOptions { Sm2UserId = "SILKGATE" }).Verify(signed).IsValid);
    }

    [Fact]
    public void Signature_with_whitespace_between_its_elements_verifies()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.RsaSha1);
        var document = Pki.Load(SampleMessages.Inventory621());
        signer.Sign(document);
        var signature = Pki.Select(document, "/*/ds:Signature");

        // Whitespace outside SignedInfo is covered by neither the digest nor the signature.
        signature.InsertBefore(document.CreateWhitespace("\n  "), signature.FirstChild);
        signature.AppendChild(document.CreateWhitespace("\n"));

        Assert.True(CebSignatureVerifier.Default.Verify(document).IsValid);
    }

    /// <summary>Signs like another gateway would, with any pair of algorithm URIs.</summary>
    private static XmlDocument SignWith(string signatureMethod, string digestMethod)
    {
        var document = Pki.Load(SampleMessages.Inventory621());
        var credentials = Pki.Sm2Signer.Credentials;
        var digest = XmlC14N.Digest(document, digestMethod);

        var signature = SignatureXml.Build(document, signatureMethod, digestMethod, digest, "0001", credentials.Certificate.GetRawData());
        SignaturePlacement.Insert(document.DocumentElement!, signature);
        using var key = new SignatureKey(credentials, new CebSignerOptions());
        SignatureXml.SetSignatureValue(signature, key.Sign(XmlC14N.CanonicalizeInContext(SignatureXml.SignedInfoOf(signature))));
        return document;
    }
}
