using Silkgate.Ceb.Signing;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// Verifies a message's signature against the sender's registered certificates in force, valid at the time: the
/// certificate embedded in KeyInfo must be one of them (by SHA-256 thumbprint; no CA chains).
/// </summary>
internal static class SenderSignatureVerifier
{
    public static SignatureVerdict Verify(ReadOnlySpan<byte> message, SenderSigning sender, DateTimeOffset at)
    {
        var trust = sender.Trust?.WithValidityCheck(at) ?? SignatureTrust.AnyCertificate;
        var result = CebSignatureVerifier.Default.Verify(message, trust);
        var certificateNo = result.Certificate?.SerialNumberHex ?? result.KeyName;
        var untrusted = result.Failure == CebSignatureFailure.UntrustedCertificate || (result.IsValid && sender.Trust is null);
        if (result.IsValid && !untrusted)
        {
            return SignatureVerdict.Valid;
        }

        var reason = untrusted && result.Certificate is { } c && sender.Revoked.Contains(c.Sha256Thumbprint)
            ? $"certificate {c.SerialNumberHex} ('{c.Subject}') was revoked by the enterprise"
            : untrusted
                ? $"certificate {certificateNo} ('{result.Certificate?.Subject}') is not a registered certificate of the enterprise"
                : result.Reason;
        return new SignatureVerdict(untrusted ? CebSignatureFailure.UntrustedCertificate : result.Failure, reason, certificateNo);
    }
}
