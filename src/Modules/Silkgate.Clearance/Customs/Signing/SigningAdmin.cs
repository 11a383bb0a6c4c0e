using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Certificates;
using Silkgate.Kernel.Errors;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary><see cref="ISigningAdmin"/>: the certificate and key-deposit use cases behind one facade for the API and the portal.</summary>
internal sealed class SigningAdmin(CertificateHandlers certificates, KeyDepositHandlers keys) : ISigningAdmin
{
    public Task<Result<SigningCertificateList>> ListCertificatesAsync(long enterpriseId, CancellationToken ct) => certificates.ListAsync(enterpriseId, ct);

    public Task<Result<SigningCertificate>> GetCertificateAsync(long certificateId, CancellationToken ct) => certificates.GetAsync(certificateId, ct);

    public Task<Result<SigningCertificate>> RegisterCertificateAsync(long enterpriseId, string? certificate, CancellationToken ct) =>
        certificates.RegisterAsync(enterpriseId, certificate, ct);

    public Task<Result<SigningCertificate>> RevokeCertificateAsync(long certificateId, string? reason, CancellationToken ct) =>
        certificates.RevokeAsync(certificateId, reason, ct);

    public Task<Result<SigningKeyList>> ListKeysAsync(long enterpriseId, CancellationToken ct) => keys.ListAsync(enterpriseId, ct);

    public Task<Result<SigningKeyDeposit>> DepositKeyAsync(long enterpriseId, byte[]? pkcs12, string? password, CancellationToken ct) =>
        keys.DepositAsync(enterpriseId, pkcs12, password, ct);

    public Task<Result<SigningKeyDeposit>> WithdrawKeyAsync(long keyId, CancellationToken ct) => keys.WithdrawAsync(keyId, ct);
}
