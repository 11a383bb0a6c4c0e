using System.Globalization;
using Microsoft.Extensions.Options;
using Silkgate.Ceb.Signing;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Certificates;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>Deposit, list and withdraw keys the platform signs with on an enterprise's behalf. Only metadata ever comes back.</summary>
internal sealed class KeyDepositHandlers(
    SigningAccess access, KeyDepositStore store, KeySealer sealer, MasterKey master, SenderSigningCache cache, DbSession session, IOptions<SigningOptions> options)
{
    public const string Field = "pkcs12";

    public async Task<Result<SigningKeyList>> ListAsync(long enterpriseId, CancellationToken ct)
    {
        var opened = await access.OpenAsync(enterpriseId, "signing-key.read", $"enterprise:{enterpriseId}", ct);
        if (!opened.IsSuccess)
        {
            return Result<SigningKeyList>.Failure(opened.Errors);
        }

        var rows = await store.ListAsync(enterpriseId, ct);
        return new SigningKeyList(rows.Select(r => View(r, access.Now)).ToList(), opened.Value!.MayManage, master.IsConfigured);
    }

    public async Task<Result<SigningKeyDeposit>> DepositAsync(long enterpriseId, byte[]? pkcs12, string? password, CancellationToken ct)
    {
        var subject = $"enterprise:{enterpriseId}";
        var opened = await access.OpenAsync(enterpriseId, "signing-key.deposit", subject, ct);
        if (!opened.IsSuccess)
        {
            return Result<SigningKeyDeposit>.Failure(opened.Errors);
        }

        if (!opened.Value!.MayManage)
        {
            return await access.NotAdminAsync(opened.Value, "signing-key.deposit", subject, ct);
        }

        if (!master.IsConfigured)
        {
            await access.AuditAsync("signing-key.deposit", subject, AuditOutcome.Failed, "no master key configured", ct);
            return Problem.Conflict(Field, "signing.master-key-missing", "The platform has no signing master key (Clearance:Signing:MasterKey); keys cannot be deposited. Ask the platform operator.");
        }

        if (pkcs12 is not { Length: > 0 } || pkcs12.Length > options.Value.MaxPkcs12Bytes)
        {
            return Problem.Invalid(Field, "signing-key.size", $"Give the PKCS#12 file (.p12/.pfx) as Base64, at most {options.Value.MaxPkcs12Bytes} bytes.");
        }

        CebSigningCredentials credentials;
        byte[] pkcs8;
        try
        {
            (credentials, pkcs8) = KeyMaterial.FromPkcs12(pkcs12, password);
        }
        catch (Exception e) when (e is CebSigningException or IOException or InvalidOperationException or ArgumentException or Org.BouncyCastle.Security.GeneralSecurityException or Org.BouncyCastle.Crypto.CryptoException)
        {
            // The library's message says what is wrong without repeating any input.
            await access.AuditAsync("signing-key.deposit", subject, AuditOutcome.Failed, "unreadable PKCS#12 or wrong password", ct);
            return Problem.Invalid(Field, "signing-key.unreadable", "The PKCS#12 file cannot be opened with this password, holds no private key, or its key is neither SM2 nor RSA or does not belong to its certificate.");
        }

        try
        {
            var certificate = credentials.Certificate;
            if (certificate.NotAfter.ToUnixTimeMilliseconds() < access.Now)
            {
                return Problem.Invalid(Field, "signing-key.expired", $"The key's certificate expired on {certificate.NotAfter:u}.");
            }

            if ((await store.ListAsync(enterpriseId, ct)).Any(r => r.WithdrawnAt is null && r.Thumbprint == certificate.Sha256Thumbprint))
            {
                return Problem.Conflict(Field, "signing-key.deposited", "This key is already deposited.");
            }

            var id = await store.InsertAsync(enterpriseId, certificate, keyId => sealer.Seal(pkcs8, enterpriseId, keyId), master.Id!, opened.Value.Actor, access.Now, ct);
            cache.Forget(enterpriseId);
            await access.AuditAsync("signing-key.deposit", $"signing-key:{id}", AuditOutcome.Succeeded,
                string.Create(CultureInfo.InvariantCulture, $"enterprise {enterpriseId} certificate {certificate.SerialNumberHex} ({certificate.Subject})"), ct);
            return View((await store.FindAsync(id, ct))!, access.Now);
        }
        finally
        {
            Array.Clear(pkcs8);
        }
    }

    public async Task<Result<SigningKeyDeposit>> WithdrawAsync(long id, CancellationToken ct)
    {
        var subject = $"signing-key:{id}";
        var row = await store.FindAsync(id, ct);
        var opened = await access.OpenAsync(row?.EnterpriseId ?? 0, "signing-key.withdraw", subject, ct);
        if (!opened.IsSuccess)
        {
            return Result<SigningKeyDeposit>.Failure(opened.Errors);
        }

        if (!opened.Value!.MayManage)
        {
            return await access.NotAdminAsync(opened.Value, "signing-key.withdraw", subject, ct);
        }

        var withdrawn = await session.InTransactionAsync(c => store.WithdrawAsync(id, opened.Value.Actor, access.Now, c), ct);
        cache.Forget(row!.EnterpriseId);
        if (!withdrawn)
        {
            return Problem.Conflict("id", "signing-key.withdrawn", "The key is already withdrawn.");
        }

        await access.AuditAsync("signing-key.withdraw", subject, AuditOutcome.Succeeded, "sealed key erased", ct);
        return View((await store.FindAsync(id, ct))!, access.Now);
    }

    private static SigningKeyDeposit View(KeyDepositRow r, long now) => new(
        r.Id, r.EnterpriseId, r.CertificateNo, r.Subject, r.Algorithm, CertificateHandlers.Instant(r.NotBefore), CertificateHandlers.Instant(r.NotAfter),
        r.Thumbprint, SigningStatuses.Of(r.WithdrawnAt, r.NotBefore, r.NotAfter, now), r.DepositedBy, r.DepositedByName,
        CertificateHandlers.Instant(r.DepositedAt), r.WithdrawnByName, r.WithdrawnAt is { } at ? CertificateHandlers.Instant(at) : null);
}
