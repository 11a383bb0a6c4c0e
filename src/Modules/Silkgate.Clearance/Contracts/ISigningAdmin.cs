using System.Text.Json.Serialization;
using Silkgate.Kernel.Errors;

namespace Silkgate.Clearance.Contracts;

/// <summary>
/// Signing certificates and deposited keys of an enterprise, for the API and the portal. Every call acts as the current
/// actor: the enterprise's admin registers, revokes, deposits and withdraws; its users and the government actors of its
/// zone read. Refusals are 404 (not visible) or 403 (visible, not the enterprise's admin) and are audited.
/// A deposited key never leaves the platform: only its metadata is ever returned.
/// </summary>
public interface ISigningAdmin
{
    Task<Result<SigningCertificateList>> ListCertificatesAsync(long enterpriseId, CancellationToken ct);

    Task<Result<SigningCertificate>> GetCertificateAsync(long certificateId, CancellationToken ct);

    /// <param name="certificate">The X.509 certificate as PEM text or Base64 of its DER encoding.</param>
    Task<Result<SigningCertificate>> RegisterCertificateAsync(long enterpriseId, string? certificate, CancellationToken ct);

    Task<Result<SigningCertificate>> RevokeCertificateAsync(long certificateId, string? reason, CancellationToken ct);

    Task<Result<SigningKeyList>> ListKeysAsync(long enterpriseId, CancellationToken ct);

    /// <param name="pkcs12">The PKCS#12 (.p12/.pfx) file.</param>
    Task<Result<SigningKeyDeposit>> DepositKeyAsync(long enterpriseId, byte[]? pkcs12, string? password, CancellationToken ct);

    Task<Result<SigningKeyDeposit>> WithdrawKeyAsync(long keyId, CancellationToken ct);
}

/// <summary>Where a registered certificate or a deposited key stands now.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SigningStatus>))]
public enum SigningStatus
{
    /// <summary>In force and within its validity period.</summary>
    Active,

    /// <summary>Not revoked, but outside its validity period (not yet valid or expired).</summary>
    Expired,

    /// <summary>Revoked (a certificate) or withdrawn (a deposited key) by the enterprise's admin.</summary>
    Revoked,
}

/// <param name="CertificateNo">The certificate number as <c>ds:KeyName</c> carries it: the serial in lower-case hex.</param>
/// <param name="Algorithm"><c>SM2</c> or <c>RSA</c>.</param>
/// <param name="Thumbprint">SHA-256 of the DER encoding, upper-case hex.</param>
public sealed record SigningCertificate(
    long Id,
    long EnterpriseId,
    string CertificateNo,
    string Subject,
    string Issuer,
    string Algorithm,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Thumbprint,
    SigningStatus Status,
    long RegisteredBy,
    string RegisteredByName,
    DateTimeOffset RegisteredAt,
    long? RevokedBy,
    string? RevokedByName,
    DateTimeOffset? RevokedAt,
    string? RevokeReason);

public sealed record SigningCertificateList(IReadOnlyList<SigningCertificate> Items, bool MayManage);

/// <summary>The metadata of a deposited key; the key itself is never returned.</summary>
public sealed record SigningKeyDeposit(
    long Id,
    long EnterpriseId,
    string CertificateNo,
    string Subject,
    string Algorithm,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Thumbprint,
    SigningStatus Status,
    long DepositedBy,
    string DepositedByName,
    DateTimeOffset DepositedAt,
    string? WithdrawnByName,
    DateTimeOffset? WithdrawnAt);

/// <param name="MasterKeyConfigured">False when the platform has no master key: deposits are refused.</param>
public sealed record SigningKeyList(IReadOnlyList<SigningKeyDeposit> Items, bool MayManage, bool MasterKeyConfigured);
