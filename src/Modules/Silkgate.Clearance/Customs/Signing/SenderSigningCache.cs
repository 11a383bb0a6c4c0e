using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Ceb.Signing;
using Silkgate.Clearance.Customs.Certificates;
using Silkgate.Clearance.Gateway;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>What the gateway needs to judge an enterprise's signatures.</summary>
/// <param name="Enrolled">The enterprise registered a certificate (in force or not) or deposited a key.</param>
/// <param name="HasDeposit">A deposited key in force and within its validity: the platform can sign for it.</param>
/// <param name="Trust">Its registered certificates in force, by SHA-256 thumbprint; null when there are none.</param>
/// <param name="Revoked">Thumbprints of its revoked certificates, to say why a signature is refused.</param>
internal sealed record SenderSigning(bool Enrolled, bool HasDeposit, SignatureTrust? Trust, IReadOnlySet<string> Revoked)
{
    public static readonly SenderSigning None = new(false, false, null, new HashSet<string>());
}

/// <summary>
/// The signing facts of each sender, cached like the sender check's registry facts (<c>Clearance:Gateway:SenderCacheSeconds</c>)
/// so that verification rarely leaves memory; a change made on this node is seen at once.
/// </summary>
internal sealed class SenderSigningCache(IServiceScopeFactory scopes, IOptions<GatewayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (SenderSigning Value, long Until)> _cache = new();

    public async Task<SenderSigning> GetAsync(long enterpriseId, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_cache.TryGetValue(enterpriseId, out var cached) && cached.Until > now)
        {
            return cached.Value;
        }

        var value = await LoadAsync(enterpriseId, now, ct);
        _cache[enterpriseId] = (value, now + (options.Value.SenderCacheSeconds * 1000L));
        return value;
    }

    public void Forget(long enterpriseId) => _cache.TryRemove(enterpriseId, out _);

    private async Task<SenderSigning> LoadAsync(long enterpriseId, long now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var certificates = await scope.ServiceProvider.GetRequiredService<CertificateStore>().ListAsync(enterpriseId, ct);
        var keys = await scope.ServiceProvider.GetRequiredService<KeyDepositStore>().ListAsync(enterpriseId, ct);
        if (certificates.Count == 0 && keys.Count == 0)
        {
            return SenderSigning.None;
        }

        var active = certificates.Where(c => c.RevokedAt is null).Select(c => c.Thumbprint).ToList();
        var revoked = certificates.Where(c => c.RevokedAt is not null).Select(c => c.Thumbprint).ToHashSet(StringComparer.Ordinal);
        var hasDeposit = keys.Any(k => k.WithdrawnAt is null && k.NotBefore <= now && now <= k.NotAfter);
        return new SenderSigning(true, hasDeposit, active.Count > 0 ? SignatureTrust.FromThumbprints(active) : null, revoked);
    }
}
