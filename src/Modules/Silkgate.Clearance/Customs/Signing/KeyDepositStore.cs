using Dapper;
using Silkgate.Ceb.Signing;
using Silkgate.Clearance.Customs.Certificates;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>A row of <c>clearance_signing_keys</c> without the sealed key (which only <see cref="KeyDepositStore.SealedKeyAsync"/> reads).</summary>
internal sealed record KeyDepositRow(
    long Id, long EnterpriseId, string CertificateNo, string Subject, string Algorithm, long NotBefore, long NotAfter, string Thumbprint,
    byte[] CertificateDer, string MasterKeyId, long DepositedBy, string DepositedByName, long DepositedAt,
    long? WithdrawnBy, string? WithdrawnByName, long? WithdrawnAt);

/// <summary>Reads and writes deposited keys within the session's transaction.</summary>
internal sealed class KeyDepositStore(DbSession session)
{
    private const string Select =
        """
        SELECT id AS Id, enterprise_id AS EnterpriseId, certificate_no AS CertificateNo, subject AS Subject, algorithm AS Algorithm,
               not_before AS NotBefore, not_after AS NotAfter, thumbprint AS Thumbprint, certificate_der AS CertificateDer,
               master_key_id AS MasterKeyId, deposited_by AS DepositedBy, deposited_by_name AS DepositedByName, deposited_at AS DepositedAt,
               withdrawn_by AS WithdrawnBy, withdrawn_by_name AS WithdrawnByName, withdrawn_at AS WithdrawnAt
        FROM clearance_signing_keys
        """;

    /// <summary>Inserts the deposit and seals the key with its own id in the associated data (hence the two steps, in one transaction).</summary>
    public Task<long> InsertAsync(long enterpriseId, CebCertificate certificate, Func<long, byte[]> seal, string masterKeyId, Actor actor, long at, CancellationToken ct) =>
        session.InTransactionAsync(async c =>
        {
            var connection = await session.ConnectionAsync(c);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO clearance_signing_keys (enterprise_id, certificate_no, subject, algorithm, not_before, not_after, thumbprint,
                    certificate_der, sealed_key, master_key_id, deposited_by, deposited_by_name, deposited_at)
                VALUES (@enterpriseId, @no, @subject, @algorithm, @notBefore, @notAfter, @thumbprint, @der, @empty, @masterKeyId, @userId, @name, @at)
                RETURNING id
                """,
                new
                {
                    enterpriseId, no = certificate.SerialNumberHex, subject = certificate.Subject, algorithm = SigningAlgorithms.Name(certificate.KeyAlgorithm),
                    notBefore = certificate.NotBefore.ToUnixTimeMilliseconds(), notAfter = certificate.NotAfter.ToUnixTimeMilliseconds(),
                    thumbprint = certificate.Sha256Thumbprint, der = certificate.GetRawData(), empty = Array.Empty<byte>(), masterKeyId,
                    userId = actor.UserId, name = actor.Name, at,
                },
                session.Transaction, cancellationToken: c));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE clearance_signing_keys SET sealed_key = @sealedKey WHERE id = @id", new { id, sealedKey = seal(id) }, session.Transaction, cancellationToken: c));
            return id;
        }, ct);

    /// <summary>Marks the deposit withdrawn and erases the sealed key; false when it already was.</summary>
    public async Task<bool> WithdrawAsync(long id, Actor actor, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE clearance_signing_keys SET withdrawn_by = @userId, withdrawn_by_name = @name, withdrawn_at = @at, sealed_key = @empty
            WHERE id = @id AND withdrawn_at IS NULL
            """, new { id, userId = actor.UserId, name = actor.Name, at, empty = Array.Empty<byte>() }, session.Transaction, cancellationToken: ct)) == 1;
    }

    public async Task<KeyDepositRow?> FindAsync(long id, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<KeyDepositRow>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, session.Transaction, cancellationToken: ct));
    }

    /// <summary>Every deposit of the enterprise, newest first, withdrawn ones included.</summary>
    public async Task<IReadOnlyList<KeyDepositRow>> ListAsync(long enterpriseId, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return (await c.QueryAsync<KeyDepositRow>(new CommandDefinition(
            $"{Select} WHERE enterprise_id = @enterpriseId ORDER BY deposited_at DESC, id DESC", new { enterpriseId }, session.Transaction, cancellationToken: ct))).AsList();
    }

    public async Task<byte[]?> SealedKeyAsync(long id, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT sealed_key FROM clearance_signing_keys WHERE id = @id AND withdrawn_at IS NULL", new { id }, session.Transaction, cancellationToken: ct));
    }

    /// <summary>How many deposits are in force anywhere (the start-up check refuses to run without a master key when there are any).</summary>
    public async Task<long> CountActiveAsync(CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM clearance_signing_keys WHERE withdrawn_at IS NULL", transaction: session.Transaction, cancellationToken: ct));
    }
}
