using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

public class SignatureTrustTests
{
    private static readonly byte[] SignedSm2 = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3).Sign(SampleMessages.Utf8(SampleMessages.Inventory621()));
    private static readonly byte[] SignedRsa = Pki.Signer(CebSignatureAlgorithm.RsaSha1).Sign(SampleMessages.Utf8(SampleMessages.Inventory621()));

    [Fact]
    public void Certificate_issued_by_a_trusted_sm2_CA_is_trusted() =>
        Assert.True(CebSignatureVerifier.Default.Verify(SignedSm2, SignatureTrust.FromCertificates([Pki.Sm2Ca.CebCertificate])).IsValid);

    [Fact]
    public void Certificate_issued_by_a_trusted_rsa_CA_is_trusted() =>
        Assert.True(CebSignatureVerifier.Default.Verify(SignedRsa, SignatureTrust.FromCertificates([Pki.RsaCa.CebCertificate])).IsValid);

    [Fact]
    public void Registered_signer_certificate_is_trusted() =>
        Assert.True(CebSignatureVerifier.Default.Verify(SignedSm2, SignatureTrust.FromCertificates([Pki.Sm2Signer.CebCertificate])).IsValid);

    [Fact]
    public void Certificate_is_trusted_by_sha1_or_sha256_thumbprint()
    {
        var certificate = Pki.Sm2Signer.CebCertificate;

        Assert.True(CebSignatureVerifier.Default.Verify(SignedSm2, SignatureTrust.FromThumbprints([certificate.Thumbprint.ToLowerInvariant()])).IsValid);
        Assert.True(CebSignatureVerifier.Default.Verify(SignedSm2, SignatureTrust.FromThumbprints([certificate.Sha256Thumbprint])).IsValid);
    }

    [Fact]
    public void Certificate_from_another_CA_is_untrusted_with_invalid_signature_code()
    {
        var otherCa = TestPki.CreateSm2Ca("Other CA");

        var result = CebSignatureVerifier.Default.Verify(SignedSm2, SignatureTrust.FromCertificates([otherCa.CebCertificate, Pki.RsaCa.CebCertificate]));

        Assert.Equal(CebSignatureFailure.UntrustedCertificate, result.Failure);
        Assert.Equal("1001", result.TransportCode);
        Assert.Equal(-621029, result.ListCode);
    }

    [Fact]
    public void Certificate_claiming_a_trusted_issuer_name_but_signed_by_another_key_is_untrusted()
    {
        var impostorCa = TestPki.CreateSm2Ca("Silkgate Test SM2 CA");
        using var signer = new CebSigner(TestPki.IssueSm2(impostorCa).Credentials);
        var signed = signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621()));

        Assert.Equal(CebSignatureFailure.UntrustedCertificate, CebSignatureVerifier.Default.Verify(signed, SignatureTrust.FromCertificates([Pki.Sm2Ca.CebCertificate])).Failure);
    }

    [Fact]
    public void Expired_certificate_fails_with_signature_expired_code_when_validity_is_checked()
    {
        var expired = TestPki.IssueSm2(Pki.Sm2Ca, "Expired", DateTime.UtcNow.AddYears(-3), DateTime.UtcNow.AddYears(-1));
        using var signer = new CebSigner(expired.Credentials);
        var signed = signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621()));

        var trust = SignatureTrust.FromCertificates([Pki.Sm2Ca.CebCertificate]).WithValidityCheck(DateTimeOffset.UtcNow);
        var result = CebSignatureVerifier.Default.Verify(signed, trust);

        Assert.Equal(CebSignatureFailure.CertificateExpired, result.Failure);
        Assert.Equal("1002", result.TransportCode);
        Assert.True(CebSignatureVerifier.Default.Verify(signed, SignatureTrust.AnyCertificate.WithValidityCheck(DateTimeOffset.UtcNow.AddYears(-2))).IsValid);
    }
}
