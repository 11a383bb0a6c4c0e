using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Identity.Audit;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.ApiKeys;

/// <summary>
/// Turns a presented API key into the actor of the enterprise's system: an <see cref="Role.EnterpriseUser"/> with
/// <see cref="Actor.ApiKeyId"/> set. Refuses unknown, malformed and revoked keys, and keys of enterprises that are not
/// (or no longer) approved. Refusals are audited as <c>identity.sign-in</c>; successes are not (one per request).
/// </summary>
internal sealed partial class ApiKeyAuthenticator(
    ApiKeyStore store,
    ApiKeyCache cache,
    IEnterpriseDirectory directory,
    AuditTrail audit,
    TimeProvider time,
    IOptions<PlatformOptions> platform,
    ILogger<ApiKeyAuthenticator> logger)
{
    public async Task<(Actor? Actor, string? Failure)> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryParse(presented, out var prefix, out var secret))
        {
            return await RefuseAsync(null, "api-key:malformed", "The API key is not of the form sgk_<prefix>_<secret>.", ct);
        }

        var key = await cache.KeyAsync(prefix, c => store.FindByPrefixAsync(prefix, c), ct);
        if (key is null || !ApiKeyFormat.Matches(secret, key.SecretHash))
        {
            return await RefuseAsync(null, $"api-key:{prefix}", "The API key is not known.", ct);
        }

        var enterprise = await cache.EnterpriseAsync(key.EnterpriseId, c => directory.FindByIdAsync(key.EnterpriseId, c), ct);
        var actor = new Actor(key.CreatedBy, $"api-key {prefix}", Role.EnterpriseUser, platform.Value.ProvinceCode,
            enterprise?.ZoneCode, EnterpriseId: key.EnterpriseId, ApiKeyId: key.Id);
        if (key.RevokedAt is not null)
        {
            return await RefuseAsync(actor, $"api-key:{prefix}", "The API key was revoked.", ct);
        }

        if (enterprise?.Status != EnterpriseStatus.Approved)
        {
            return await RefuseAsync(actor, $"api-key:{prefix}", "The enterprise of this API key is not approved (or is suspended).", ct);
        }

        if (cache.ShouldTouch(key.Id))
        {
            await TouchQuietlyAsync(key.Id, time.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        }

        return (actor, null);
    }

    /// <summary>
    /// The stamp is informational: on SQLite it waits for the write lock behind the ingest writer's batch, and when that
    /// wait runs out (an overloaded gateway) the request goes on instead of failing with 500.
    /// </summary>
    private async Task TouchQuietlyAsync(long keyId, long at, CancellationToken ct)
    {
        try
        {
            await store.TouchAsync(keyId, at, ct);
        }
        catch (Exception e) when (e is DbException)
        {
            LogTouchFailed(logger, e, keyId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The last-used stamp of API key {KeyId} could not be written; it is written again on a later use")]
    private static partial void LogTouchFailed(ILogger logger, Exception e, long keyId);

    private async Task<(Actor?, string?)> RefuseAsync(Actor? actor, string subject, string reason, CancellationToken ct)
    {
        await audit.RecordAsync(new AuditEntry("identity.sign-in", subject, actor is null ? AuditOutcome.Failed : AuditOutcome.Denied, reason), actor, ct);
        return (null, reason);
    }
}
