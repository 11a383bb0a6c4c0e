using System.Globalization;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Signing;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;

namespace Silkgate.Clearance.Customs.Certificates;

/// <summary>Register, list and revoke an enterprise's signing certificates.</summary>
internal sealed class CertificateHandlers(SigningAccess access, CertificateStore store, SenderSigningCache cache, DbSession session)
{
    public const int MaxReason = 1000;

    public async Task<Result<SigningCertificateList>> ListAsync(long enterpriseId, CancellationToken ct)
    {
        var opened = await access.OpenAsync(enterpriseId, "signing-certificate.read", $"enterprise:{enterpriseId}", ct);
        if (!opened.IsSuccess)
        {
            return Result<SigningCertificateList>.Failure(opened.Errors);
        }

        var rows = await store.ListAsync(enterpriseId, ct);
        return new SigningCertificateList(rows.Select(r => View(r, access.Now)).ToList(), opened.Value!.MayManage);
    }

    public async Task<Result<SigningCertificate>> GetAsync(long id, CancellationToken ct)
    {
        var row = await store.FindAsync(id, ct);
        var opened = await access.OpenAsync(row?.EnterpriseId ?? 0, "signing-certificate.read", $"signing-certificate:{id}", ct);
        return opened.IsSuccess ? View(row!, access.Now) : Result<SigningCertificate>.Failure(opened.Errors);
    }

    public async Task<Result<SigningCertificate>> RegisterAsync(long enterpriseId, string? text, CancellationToken ct)
    {
        var subject = $"enterprise:{enterpriseId}";
        var opened = await access.OpenAsync(enterpriseId, "signing-certificate.register", subject, ct);
        if (!opened.IsSuccess)
        {
            return Result<SigningCertificate>.Failure(opened.Errors);
        }

        if (!opened.Value!.MayManage)
        {
            return await access.NotAdminAsync(opened.Value, "signing-certificate.register", subject, ct);
        }

        var parsed = CertificateInput.Parse(text, access.Now);
        if (!parsed.IsSuccess)
        {
            return Result<SigningCertificate>.Failure(parsed.Errors);
        }

        var certificate = parsed.Value!;
        var id = await session.InTransactionAsync(async c =>
            await store.IsActiveAnywhereAsync(certificate.Sha256Thumbprint, c) ? 0 : await store.InsertAsync(enterpriseId, certificate, opened.Value.Actor, access.Now, c), ct);
        if (id == 0)
        {
            return Problem.Conflict(CertificateInput.Field, "certificate.registered", "This certificate is already registered and in force.");
        }

        cache.Forget(enterpriseId);
        await access.AuditAsync("signing-certificate.register", $"signing-certificate:{id}", AuditOutcome.Succeeded,
            string.Create(CultureInfo.InvariantCulture, $"enterprise {enterpriseId} certificate {certificate.SerialNumberHex} ({certificate.Subject}) thumbprint {certificate.Sha256Thumbprint}"), ct);
        return View((await store.FindAsync(id, ct))!, access.Now);
    }

    public async Task<Result<SigningCertificate>> RevokeAsync(long id, string? reason, CancellationToken ct)
    {
        var subject = $"signing-certificate:{id}";
        var row = await store.FindAsync(id, ct);
        var opened = await access.OpenAsync(row?.EnterpriseId ?? 0, "signing-certificate.revoke", subject, ct);
        if (!opened.IsSuccess)
        {
            return Result<SigningCertificate>.Failure(opened.Errors);
        }

        if (!opened.Value!.MayManage)
        {
            return await access.NotAdminAsync(opened.Value, "signing-certificate.revoke", subject, ct);
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text?.Length > MaxReason)
        {
            return Problem.Invalid("reason", "too-long", $"At most {MaxReason} characters, got {text.Length}.");
        }

        var revoked = await session.InTransactionAsync(c => store.RevokeAsync(id, opened.Value.Actor, text, access.Now, c), ct);
        cache.Forget(row!.EnterpriseId);
        if (!revoked)
        {
            return Problem.Conflict("id", "certificate.revoked", "The certificate is already revoked.");
        }

        await access.AuditAsync("signing-certificate.revoke", subject, AuditOutcome.Succeeded, text, ct);
        return View((await store.FindAsync(id, ct))!, access.Now);
    }

    private static SigningCertificate View(CertificateRow r, long now) => new(
        r.Id, r.EnterpriseId, r.CertificateNo, r.Subject, r.Issuer, r.Algorithm, Instant(r.NotBefore), Instant(r.NotAfter), r.Thumbprint,
        SigningStatuses.Of(r.RevokedAt, r.NotBefore, r.NotAfter, now), r.RegisteredBy, r.RegisteredByName, Instant(r.RegisteredAt),
        r.RevokedBy, r.RevokedByName, r.RevokedAt is { } at ? Instant(at) : null, r.RevokeReason);

    internal static DateTimeOffset Instant(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}

internal static class SigningStatuses
{
    public static SigningStatus Of(long? endedAt, long notBefore, long notAfter, long now) =>
        endedAt is not null ? SigningStatus.Revoked : now < notBefore || now > notAfter ? SigningStatus.Expired : SigningStatus.Active;
}
