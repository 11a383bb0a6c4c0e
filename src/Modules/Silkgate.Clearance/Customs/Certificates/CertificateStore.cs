using Dapper;
using Silkgate.Ceb.Signing;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Customs.Certificates;

/// <summary>A row of <c>clearance_signing_certificates</c>.</summary>
internal sealed record CertificateRow(
    long Id, long EnterpriseId, string CertificateNo, string Subject, string Issuer, string Algorithm, long NotBefore, long NotAfter,
    string Thumbprint, byte[] CertificateDer, long RegisteredBy, string RegisteredByName, long RegisteredAt,
    long? RevokedBy, string? RevokedByName, long? RevokedAt, string? RevokeReason);

/// <summary>Reads and writes registered certificates within the session's transaction.</summary>
internal sealed class CertificateStore(DbSession session)
{
    private const string Select =
        """
        SELECT id AS Id, enterprise_id AS EnterpriseId, certificate_no AS CertificateNo, subject AS Subject, issuer AS Issuer,
               algorithm AS Algorithm, not_before AS NotBefore, not_after AS NotAfter, thumbprint AS Thumbprint,
               certificate_der AS CertificateDer, registered_by AS RegisteredBy, registered_by_name AS RegisteredByName,
               registered_at AS RegisteredAt, revoked_by AS RevokedBy, revoked_by_name AS RevokedByName, revoked_at AS RevokedAt,
               revoke_reason AS RevokeReason
        FROM clearance_signing_certificates
        """;

    public async Task<long> InsertAsync(long enterpriseId, CebCertificate certificate, Actor actor, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO clearance_signing_certificates (enterprise_id, certificate_no, subject, issuer, algorithm, not_before, not_after,
                thumbprint, certificate_der, registered_by, registered_by_name, registered_at)
            VALUES (@enterpriseId, @no, @subject, @issuer, @algorithm, @notBefore, @notAfter, @thumbprint, @der, @userId, @name, @at)
            RETURNING id
            """,
            new
            {
                enterpriseId, no = certificate.SerialNumberHex, subject = certificate.Subject, issuer = certificate.Issuer,
                algorithm = SigningAlgorithms.Name(certificate.KeyAlgorithm), notBefore = certificate.NotBefore.ToUnixTimeMilliseconds(),
                notAfter = certificate.NotAfter.ToUnixTimeMilliseconds(), thumbprint = certificate.Sha256Thumbprint, der = certificate.GetRawData(),
                userId = actor.UserId, name = actor.Name, at,
            },
            session.Transaction, cancellationToken: ct));
    }

    /// <summary>Marks the certificate revoked; false when it already was.</summary>
    public async Task<bool> RevokeAsync(long id, Actor actor, string? reason, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE clearance_signing_certificates SET revoked_by = @userId, revoked_by_name = @name, revoked_at = @at, revoke_reason = @reason
            WHERE id = @id AND revoked_at IS NULL
            """, new { id, userId = actor.UserId, name = actor.Name, at, reason }, session.Transaction, cancellationToken: ct)) == 1;
    }

    public async Task<CertificateRow?> FindAsync(long id, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<CertificateRow>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, session.Transaction, cancellationToken: ct));
    }

    /// <summary>Whether a certificate with this thumbprint is in force for any enterprise.</summary>
    public async Task<bool> IsActiveAnywhereAsync(string thumbprint, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM clearance_signing_certificates WHERE thumbprint = @thumbprint AND revoked_at IS NULL",
            new { thumbprint }, session.Transaction, cancellationToken: ct)) > 0;
    }

    /// <summary>Every certificate the enterprise registered, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<CertificateRow>> ListAsync(long enterpriseId, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return (await c.QueryAsync<CertificateRow>(new CommandDefinition(
            $"{Select} WHERE enterprise_id = @enterpriseId ORDER BY registered_at DESC, id DESC", new { enterpriseId }, session.Transaction, cancellationToken: ct))).AsList();
    }
}

/// <summary>The algorithm names the API shows.</summary>
internal static class SigningAlgorithms
{
    public static string Name(CebSignatureAlgorithm? algorithm) => algorithm switch
    {
        CebSignatureAlgorithm.Sm2Sm3 => "SM2",
        CebSignatureAlgorithm.RsaSha1 => "RSA",
        _ => "unsupported",
    };
}
