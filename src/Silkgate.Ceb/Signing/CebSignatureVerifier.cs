using System.Text;
using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>
/// Verifies the root-level enveloped signature of a CEB message or DXP envelope and says, with the customs
/// code, why it fails. Accepts the official URIs and (by default) the field variant xmldsig#sm2-sm3.
/// </summary>
public sealed class CebSignatureVerifier
{
    private readonly byte[] _sm2UserId;
    private readonly bool _acceptFieldVariants;

    public CebSignatureVerifier(CebVerifierOptions? options = null)
    {
        options ??= new CebVerifierOptions();
        _sm2UserId = Encoding.ASCII.GetBytes(options.Sm2UserId);
        _acceptFieldVariants = options.AcceptFieldVariants;
    }

    /// <summary>A verifier with default options.</summary>
    public static CebSignatureVerifier Default { get; } = new();

    /// <summary>Verifies a serialized message.</summary>
    public CebSignatureResult Verify(ReadOnlySpan<byte> xml, SignatureTrust? trust = null)
    {
        XmlDocument document;
        try
        {
            document = CebXmlIo.Load(xml);
        }
        catch (XmlException e)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.MalformedDocument, "not well-formed XML: " + e.Message);
        }

        return Verify(document, trust);
    }

    /// <summary>
    /// Verifies <paramref name="document"/> without changing it. Without <paramref name="trust"/> any embedded
    /// certificate is accepted.
    /// </summary>
    public CebSignatureResult Verify(XmlDocument document, SignatureTrust? trust = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        trust ??= SignatureTrust.AnyCertificate;
        if (document.DocumentElement is not { } root)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.MalformedDocument, "the document has no root element");
        }

        var signatures = SignaturePlacement.DirectSignatures(root);
        if (signatures.Count == 0)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.MissingSignature, $"{root.LocalName} has no ds:Signature");
        }

        if (signatures.Count > 1)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.MalformedSignature, $"{root.LocalName} has {signatures.Count} signatures");
        }

        var parsed = SignatureXml.TryParse(signatures[0], out var reason, out var unsupported);
        if (parsed is null)
        {
            return CebSignatureResult.Invalid(unsupported ? CebSignatureFailure.UnsupportedAlgorithm : CebSignatureFailure.MalformedSignature, reason);
        }

        return Verify(parsed, trust);
    }

    private CebSignatureResult Verify(ParsedSignature parsed, SignatureTrust trust)
    {
        if (AlgorithmOf(parsed.SignatureMethod) is not { } algorithm)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.UnsupportedAlgorithm, $"signature method '{parsed.SignatureMethod}' is not accepted", parsed);
        }

        var officialDigest = algorithm == CebSignatureAlgorithm.Sm2Sm3 ? CebSignatureUris.Sm3 : CebSignatureUris.Sha1;
        var digestAccepted = parsed.DigestMethod == officialDigest
            || (_acceptFieldVariants && parsed.DigestMethod is CebSignatureUris.Sm3 or CebSignatureUris.Sha1);
        if (!digestAccepted)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.UnsupportedAlgorithm, $"digest method '{parsed.DigestMethod}' is not accepted", parsed);
        }

        CebCertificate certificate;
        try
        {
            certificate = CebCertificate.FromDer(parsed.CertificateDer);
        }
        catch (Exception e) when (e is CebSigningException or Org.BouncyCastle.Security.Certificates.CertificateException or IOException or ArgumentException or InvalidOperationException)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.InvalidCertificate, "the embedded certificate cannot be read", parsed);
        }

        if (certificate.KeyAlgorithm != algorithm)
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.InvalidCertificate, $"the certificate key does not fit {parsed.SignatureMethod}", parsed, certificate);
        }

        var signedInfo = XmlC14N.CanonicalizeInContext(parsed.SignedInfo);
        if (!SignatureCheck.Verify(algorithm, certificate, signedInfo, parsed.SignatureValue, _sm2UserId))
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.SignatureMismatch, "SignatureValue does not verify over SignedInfo with the embedded certificate", parsed, certificate);
        }

        var digest = XmlC14N.Digest(parsed.Element.OwnerDocument, parsed.DigestMethod, parsed.Element);

        if (!digest.AsSpan().SequenceEqual(parsed.DigestValue))
        {
            return CebSignatureResult.Invalid(CebSignatureFailure.DigestMismatch, "the message content differs from what was signed (DigestValue)", parsed, certificate);
        }

        var (failure, reason) = trust.Evaluate(certificate);
        return failure == CebSignatureFailure.None
            ? CebSignatureResult.Valid(parsed, certificate, algorithm)
            : CebSignatureResult.Invalid(failure, reason, parsed, certificate);
    }

    private CebSignatureAlgorithm? AlgorithmOf(string signatureMethod) => signatureMethod switch
    {
        CebSignatureUris.Sm2Sm3 => CebSignatureAlgorithm.Sm2Sm3,
        CebSignatureUris.Sm2Sm3W3cVariant when _acceptFieldVariants => CebSignatureAlgorithm.Sm2Sm3,
        CebSignatureUris.RsaSha1 => CebSignatureAlgorithm.RsaSha1,
        _ => null,
    };
}
