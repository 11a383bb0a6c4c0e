namespace Silkgate.Ceb.Signing;

/// <summary>
/// Which signer certificates a verifier accepts. KeyInfo is not covered by the signature, so without a trust
/// policy a valid result only proves integrity under the embedded certificate, not who signed.
/// </summary>
public sealed class SignatureTrust
{
    private readonly IReadOnlyList<CebCertificate> _anchors;
    private readonly HashSet<string> _thumbprints;

    private SignatureTrust(IReadOnlyList<CebCertificate> anchors, HashSet<string> thumbprints, bool any, DateTimeOffset? validAt)
    {
        _anchors = anchors;
        _thumbprints = thumbprints;
        AcceptsAnyCertificate = any;
        ValidityCheckedAt = validAt;
    }

    /// <summary>Accepts whatever certificate is embedded: integrity only.</summary>
    public static SignatureTrust AnyCertificate { get; } = new([], [], any: true, validAt: null);

    /// <summary>True when no certificate is rejected for who it is.</summary>
    public bool AcceptsAnyCertificate { get; }

    /// <summary>When set, certificates outside their validity period at this time fail with 1002.</summary>
    public DateTimeOffset? ValidityCheckedAt { get; }

    /// <summary>
    /// Trusts a signer certificate that is one of <paramref name="certificates"/> (registered certificates) or is
    /// issued and signed directly by one of them (a customs-registered CA). No longer chains are built.
    /// </summary>
    public static SignatureTrust FromCertificates(IEnumerable<CebCertificate> certificates)
    {
        var anchors = certificates.ToList();
        return anchors.Count > 0
            ? new SignatureTrust(anchors, [], any: false, validAt: null)
            : throw new ArgumentException("At least one trusted certificate is needed.", nameof(certificates));
    }

    /// <summary>Trusts signer certificates by SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint.</summary>
    public static SignatureTrust FromThumbprints(IEnumerable<string> thumbprints)
    {
        var set = thumbprints.Select(t => t.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return set.Count > 0
            ? new SignatureTrust([], set, any: false, validAt: null)
            : throw new ArgumentException("At least one thumbprint is needed.", nameof(thumbprints));
    }

    /// <summary>A copy that also checks the certificate's validity period at <paramref name="at"/>.</summary>
    public SignatureTrust WithValidityCheck(DateTimeOffset at) => new(_anchors, _thumbprints, AcceptsAnyCertificate, at);

    internal (CebSignatureFailure Failure, string Reason) Evaluate(CebCertificate certificate)
    {
        if (!AcceptsAnyCertificate && !IsTrusted(certificate))
        {
            return (CebSignatureFailure.UntrustedCertificate, $"certificate '{certificate.Subject}' (serial {certificate.SerialNumberHex}) is not trusted");
        }

        if (ValidityCheckedAt is { } at && (at < certificate.NotBefore || at > certificate.NotAfter))
        {
            return (CebSignatureFailure.CertificateExpired, $"certificate '{certificate.Subject}' is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u}, not at {at:u}");
        }

        return (CebSignatureFailure.None, string.Empty);
    }

    private bool IsTrusted(CebCertificate certificate) =>
        _thumbprints.Contains(certificate.Thumbprint)
        || _thumbprints.Contains(certificate.Sha256Thumbprint)
        || _anchors.Any(anchor => certificate.SameAs(anchor) || IsIssuedBy(certificate, anchor));

    private static bool IsIssuedBy(CebCertificate certificate, CebCertificate issuer)
    {
        if (!certificate.Native.IssuerDN.Equivalent(issuer.Native.SubjectDN))
        {
            return false;
        }

        try
        {
            return certificate.Native.IsSignatureValid(issuer.PublicKey);
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SecurityUtilityException or InvalidOperationException)
        {
            return false;
        }
    }
}
