using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Transport;
using Silkgate.Kernel.Access;

namespace Silkgate.Clearance.Customs.Exchange;

/// <summary>
/// <see cref="ICustomsExchange"/>: the queries behind the administrators' access rules. Zone administrators are held to
/// their zone; the province administrator may narrow to one; every other actor is refused and audited.
/// </summary>
internal sealed class CustomsExchange(
    CustomsExchangeQueries queries, CustomsSignal signal, IOptions<CustomsTransportOptions> options, IServiceProvider services) : ICustomsExchange
{
    private Actor? Current => services.GetService<IActorContext>()?.Current;

    public async Task<CustomsExchangeOverview?> OverviewAsync(string? zoneCode, CancellationToken ct)
    {
        if (!Scope(zoneCode, out var zone))
        {
            await DenyAsync("clearance.exchange.read", zoneCode is null ? null : $"zone:{zoneCode}", ct);
            return null;
        }

        var o = await queries.OverviewAsync(zone, ct);
        return new CustomsExchangeOverview(zone, options.Value.Transport.ToString(), o.Pending, o.Deferred, o.Sent, o.Failed, o.LastSentAt, o.LastReceivedAt, o.Problems);
    }

    public async Task<CustomsRetryOutcome> RetryAsync(long entryId, CancellationToken ct)
    {
        if (!Scope(null, out _))
        {
            await DenyAsync("clearance.exchange.retry", $"customs-queue:{entryId}", ct);
            return CustomsRetryOutcome.Forbidden;
        }

        // An entry of another zone is reported as not found, as the sales pages do.
        var zone = await queries.ZoneOfAsync(entryId, ct);
        if (zone is null || !Current!.CoversZone(zone) || !await queries.RetryAsync(entryId, ct))
        {
            if (zone is not null)
            {
                await DenyAsync("clearance.exchange.retry", $"customs-queue:{entryId}", ct);
            }

            return CustomsRetryOutcome.NotFound;
        }

        await AuditAsync("clearance.exchange.retry", $"customs-queue:{entryId}", AuditOutcome.Succeeded, "made due now", ct);
        signal.Notify();
        return CustomsRetryOutcome.Retried;
    }

    public async Task<int?> RetryAllFailedAsync(string? zoneCode, CancellationToken ct)
    {
        if (!Scope(zoneCode, out var zone))
        {
            await DenyAsync("clearance.exchange.retry", zoneCode is null ? null : $"zone:{zoneCode}", ct);
            return null;
        }

        var count = await queries.RetryAllFailedAsync(zone, ct);
        await AuditAsync("clearance.exchange.retry", zone is null ? "province" : $"zone:{zone}", AuditOutcome.Succeeded, $"{count} failed entries made due now", ct);
        signal.Notify();
        return count;
    }

    /// <summary>Zone administrators: always their zone. Province administrator: the requested zone or all. Others: no access.</summary>
    private bool Scope(string? requested, out string? zone)
    {
        (var allowed, zone) = Current switch
        {
            { Role: Role.ZoneAdmin, ZoneCode: { } z } => (true, z),
            { Role: Role.ProvinceAdmin } => (true, string.IsNullOrWhiteSpace(requested) ? null : requested.Trim()),
            _ => (false, (string?)null),
        };
        return allowed;
    }

    private Task DenyAsync(string action, string? subject, CancellationToken ct) =>
        AuditAsync(action, subject, AuditOutcome.Denied, "only zone and province administrators use the customs exchange", ct);

    private async Task AuditAsync(string action, string? subject, AuditOutcome outcome, string detail, CancellationToken ct)
    {
        if (services.GetService<IAuditTrail>() is { } audit)
        {
            await audit.RecordAsync(new AuditEntry(action, subject, outcome, detail), ct);
        }
    }
}
