namespace Silkgate.Ceb.Signing;

/// <summary>Why a signature did not verify.</summary>
public enum CebSignatureFailure
{
    /// <summary>The signature is valid.</summary>
    None = 0,

    /// <summary>The bytes are not a well-formed XML document.</summary>
    MalformedDocument,

    /// <summary>No ds:Signature under the root element.</summary>
    MissingSignature,

    /// <summary>The ds:Signature element lacks parts, has several references or more than one signature is present.</summary>
    MalformedSignature,

    /// <summary>A canonicalization, transform, signature or digest algorithm outside the standard.</summary>
    UnsupportedAlgorithm,

    /// <summary>The embedded certificate cannot be read, or its key does not fit the signature method.</summary>
    InvalidCertificate,

    /// <summary>The SignatureValue does not verify over SignedInfo with the embedded certificate.</summary>
    SignatureMismatch,

    /// <summary>SignedInfo is intact but the message content differs from what was signed (DigestValue).</summary>
    DigestMismatch,

    /// <summary>The certificate is not among the trusted or registered ones.</summary>
    UntrustedCertificate,

    /// <summary>The certificate was outside its validity period at the checked time.</summary>
    CertificateExpired,
}

/// <summary>The outcome of verifying a CEB message signature, with the customs codes a receiver would answer.</summary>
public sealed class CebSignatureResult
{
    private CebSignatureResult()
    {
    }

    /// <summary>True when the signature verified (and the trust policy accepted the certificate).</summary>
    public bool IsValid => Failure == CebSignatureFailure.None;

    public CebSignatureFailure Failure { get; private init; }

    /// <summary>Human-readable reason, empty when valid.</summary>
    public string Reason { get; private init; } = string.Empty;

    /// <summary>DXP transport error code (four digits): 0001, 1001, 1002 or 1004; null when valid.</summary>
    public string? TransportCode { get; private init; }

    /// <summary>List-level (CEB621 inventory) business code: −621026, −621028 or −621029; null when valid.</summary>
    public int? ListCode { get; private init; }

    /// <summary>The embedded signer certificate, when it could be read.</summary>
    public CebCertificate? Certificate { get; private init; }

    /// <summary>The algorithm that was verified, when known.</summary>
    public CebSignatureAlgorithm? Algorithm { get; private init; }

    /// <summary>The SignatureMethod URI as found in the message.</summary>
    public string? SignatureMethod { get; private init; }

    /// <summary>The DigestMethod URI as found in the message.</summary>
    public string? DigestMethod { get; private init; }

    /// <summary>The KeyName as found in the message.</summary>
    public string? KeyName { get; private init; }

    public override string ToString() => IsValid
        ? $"valid ({Algorithm}, {Certificate?.Subject})"
        : $"{Failure}: {Reason} [{TransportCode}/{ListCode}]";

    internal static CebSignatureResult Valid(ParsedSignature signature, CebCertificate certificate, CebSignatureAlgorithm algorithm) => new()
    {
        Certificate = certificate,
        Algorithm = algorithm,
        SignatureMethod = signature.SignatureMethod,
        DigestMethod = signature.DigestMethod,
        KeyName = signature.KeyName,
    };

    internal static CebSignatureResult Invalid(CebSignatureFailure failure, string reason, ParsedSignature? signature = null, CebCertificate? certificate = null) => new()
    {
        Failure = failure,
        Reason = reason,
        TransportCode = TransportCodeOf(failure),
        ListCode = ListCodeOf(failure),
        Certificate = certificate,
        SignatureMethod = signature?.SignatureMethod,
        DigestMethod = signature?.DigestMethod,
        KeyName = signature?.KeyName,
        Algorithm = certificate?.KeyAlgorithm,
    };

    // Mapping documented in docs/modules/ceb-signing.md ("Error codes").
    private static string TransportCodeOf(CebSignatureFailure failure) => failure switch
    {
        CebSignatureFailure.MalformedDocument => CebSignatureCodes.MessageFormatError,
        CebSignatureFailure.DigestMismatch => CebSignatureCodes.SignatureDoesNotMatchData,
        CebSignatureFailure.CertificateExpired => CebSignatureCodes.SignatureExpired,
        _ => CebSignatureCodes.InvalidSignature,
    };

    private static int ListCodeOf(CebSignatureFailure failure) => failure switch
    {
        CebSignatureFailure.MissingSignature => CebSignatureCodes.ListSignatureEmpty,
        CebSignatureFailure.DigestMismatch => CebSignatureCodes.ListSignedDataMismatch,
        _ => CebSignatureCodes.ListVerificationFailed,
    };
}

/// <summary>Customs error codes that concern signatures.</summary>
public static class CebSignatureCodes
{
    /// <summary>DXP 0001: the message format is wrong (not well-formed XML).</summary>
    public const string MessageFormatError = "0001";

    /// <summary>DXP 1001: invalid digital signature.</summary>
    public const string InvalidSignature = "1001";

    /// <summary>DXP 1002: digital signature expired.</summary>
    public const string SignatureExpired = "1002";

    /// <summary>DXP 1004: the signature does not match the data.</summary>
    public const string SignatureDoesNotMatchData = "1004";

    /// <summary>CEB621 −621026: signature information is empty.</summary>
    public const int ListSignatureEmpty = -621026;

    /// <summary>CEB621 −621028: comparison of the signed data failed.</summary>
    public const int ListSignedDataMismatch = -621028;

    /// <summary>CEB621 −621029: signature verification failed.</summary>
    public const int ListVerificationFailed = -621029;
}
