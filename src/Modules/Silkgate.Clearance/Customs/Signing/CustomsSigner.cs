using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Ceb.Signing;
using Silkgate.Clearance.Customs.Certificates;
using Silkgate.Kernel.Access;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// <see cref="ICustomsSigner"/>: a message that carries a valid signature by one of the enterprise's registered
/// certificates goes out unchanged; otherwise the platform signs it with the enterprise's deposited key (SM2-SM3 preferred,
/// official URIs); otherwise it is refused with the customs code. Every use of a deposited key is audited
/// (<c>clearance.signing-key.use</c>). Reads the database fresh (not the gateway's cache): sending is not the hot path.
/// </summary>
internal sealed class CustomsSigner(IServiceScopeFactory scopes, TimeProvider time) : ICustomsSigner
{
    public async Task<CustomsSignResult> SignForCustomsAsync(long enterpriseId, byte[] message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = time.GetUtcNow();
        var certificates = await services.GetRequiredService<CertificateStore>().ListAsync(enterpriseId, ct);
        var active = certificates.Where(c => c.RevokedAt is null).Select(c => c.Thumbprint).ToList();
        var sender = new SenderSigning(true, false, active.Count > 0 ? SignatureTrust.FromThumbprints(active) : null,
            certificates.Where(c => c.RevokedAt is not null).Select(c => c.Thumbprint).ToHashSet(StringComparer.Ordinal));
        var verdict = SenderSignatureVerifier.Verify(message, sender, now);
        if (verdict.IsValid)
        {
            return new CustomsSignResult(message);
        }

        var (type, guid) = Identify(message);
        var keys = services.GetRequiredService<KeyDepositStore>();
        var key = (await keys.ListAsync(enterpriseId, ct))
            .Where(k => k.WithdrawnAt is null && k.NotBefore <= now.ToUnixTimeMilliseconds() && now.ToUnixTimeMilliseconds() <= k.NotAfter)
            .OrderBy(k => k.Algorithm == "SM2" ? 0 : 1).ThenByDescending(k => k.DepositedAt)
            .FirstOrDefault();
        if (key is null)
        {
            return new CustomsSignResult(null, SignatureRefusals.Code(type, verdict.Failure),
                $"{SignatureRefusals.Describe(verdict)}; the enterprise has deposited no key in force for the platform to sign with");
        }

        return await SignWithDepositAsync(services, key, message, type, guid, ct);
    }

    private static async Task<CustomsSignResult> SignWithDepositAsync(IServiceProvider services, KeyDepositRow key, byte[] message, CebMessageType? type, string? guid, CancellationToken ct)
    {
        var subject = $"signing-key:{key.Id}";
        var what = $"{type?.RootName ?? "unknown message"} guid {guid ?? "-"} for enterprise {key.EnterpriseId.ToString(CultureInfo.InvariantCulture)}";
        var sealedKey = await services.GetRequiredService<KeyDepositStore>().SealedKeyAsync(key.Id, ct);
        byte[]? pkcs8 = null;
        try
        {
            pkcs8 = services.GetRequiredService<KeySealer>().Open(sealedKey ?? [], key.EnterpriseId, key.Id);
            using var signer = new CebSigner(KeyMaterial.ToCredentials(pkcs8, key.CertificateDer));
            var signed = signer.Sign(message);
            await AuditAsync(services, subject, AuditOutcome.Succeeded, $"signed {what} ({SigningAlgorithms.Name(signer.Algorithm)}, certificate {key.CertificateNo})", ct);
            return new CustomsSignResult(signed);
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException)
        {
            await AuditAsync(services, subject, AuditOutcome.Failed, $"could not open the deposited key to sign {what} (wrong master key {key.MasterKeyId}?)", ct);
            return new CustomsSignResult(null, CebSignatureCodes.InvalidSignature, "the deposited key cannot be opened with the platform's master key");
        }
        catch (CebSigningException e)
        {
            await AuditAsync(services, subject, AuditOutcome.Failed, $"could not sign {what}: {e.Message}", ct);
            return new CustomsSignResult(null, CebSignatureCodes.MessageFormatError, "the message cannot be signed: " + e.Message);
        }
        finally
        {
            if (pkcs8 is not null)
            {
                Array.Clear(pkcs8);
            }
        }
    }

    /// <summary>The message type and guid, for the code and the audit entry; nulls when the bytes are not a CEB message.</summary>
    private static (CebMessageType? Type, string? Guid) Identify(byte[] message)
    {
        var read = Ceb.Reading.CebReader.Read(message);
        return (read.Message?.MessageType, read.Message?.Guid);
    }

    private static async Task AuditAsync(IServiceProvider services, string subject, AuditOutcome outcome, string detail, CancellationToken ct)
    {
        if (services.GetService<IAuditTrail>() is { } audit)
        {
            await audit.RecordAsync(new AuditEntry("clearance.signing-key.use", subject, outcome, detail), ct);
        }
    }
}
