using Silkgate.Ceb;
using Silkgate.Ceb.Signing;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>Why a signature is not accepted, in the library's terms, with a reason for people.</summary>
internal sealed record SignatureVerdict(CebSignatureFailure Failure, string Reason, string? CertificateNo = null)
{
    public bool IsValid => Failure == CebSignatureFailure.None;

    public static readonly SignatureVerdict Valid = new(CebSignatureFailure.None, string.Empty);
}

/// <summary>
/// The customs code for a refused signature, per document family (specification §7): lists, cancellations and returns
/// answer with their own business codes in their own receipt; every other message with the DXP transport code in a CEB900.
/// </summary>
internal static class SignatureRefusals
{
    /// <summary>The family's business code (e.g. −621028), or null when the family has none and the transport code applies.</summary>
    public static int? ListCode(CebMessageType type, CebSignatureFailure failure) => type.ErrorFamily switch
    {
        "-621" => failure switch
        {
            CebSignatureFailure.MissingSignature => CebSignatureCodes.ListSignatureEmpty,
            CebSignatureFailure.DigestMismatch => CebSignatureCodes.ListSignedDataMismatch,
            _ => CebSignatureCodes.ListVerificationFailed,
        },
        "-623" => failure == CebSignatureFailure.MissingSignature ? -623017 : -623029,
        "-625" => failure == CebSignatureFailure.MissingSignature ? -625028 : -625005,
        _ => null,
    };

    /// <summary>DXP table 7-1: 1004 when the content changed after signing, 1002 for a certificate outside its validity, else 1001.</summary>
    public static string TransportCode(CebSignatureFailure failure) => failure switch
    {
        CebSignatureFailure.DigestMismatch => CebSignatureCodes.SignatureDoesNotMatchData,
        CebSignatureFailure.CertificateExpired => CebSignatureCodes.SignatureExpired,
        _ => CebSignatureCodes.InvalidSignature,
    };

    /// <summary>The specification's wording of the failure, for returnInfo (Chinese first, as customs writes it).</summary>
    public static string Describe(SignatureVerdict verdict) => verdict.Failure switch
    {
        CebSignatureFailure.DigestMismatch => "签名与数据不符 (signature does not match the data)",
        CebSignatureFailure.CertificateExpired => "数字签名过期 (certificate outside its validity)",
        CebSignatureFailure.MissingSignature => "签名信息为空 (no signature)",
        _ => "验签失败 (signature invalid)",
    } + ": " + verdict.Reason;

    /// <summary>The code an <see cref="ICustomsSigner"/> refusal carries: the family's business code when it has one.</summary>
    public static string Code(CebMessageType? type, CebSignatureFailure failure) =>
        type is not null && ListCode(type, failure) is { } list
            ? list.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : TransportCode(failure);
}
