using Microsoft.Extensions.DependencyInjection;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Matching;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;

namespace Silkgate.Clearance.Queries;

/// <summary>
/// <see cref="IDeclarationQueries"/>: <see cref="SaleQueries"/> behind the access rules of the current actor.
/// The actor context, audit trail and enterprise directory are resolved when used, so that hosts without them
/// (the CLI, the module's own test container) can still build the module's services.
/// </summary>
internal sealed class DeclarationQueries(SaleQueries queries, IServiceProvider services) : IDeclarationQueries
{
    private Actor? Current => services.GetService<IActorContext>()?.Current;

    public async Task<SaleListPage> ListSalesAsync(SaleListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (scope, enterpriseId, zone) = ScopeOf(Current, query.ZoneCode);
        if (scope == SaleScope.None)
        {
            return new SaleListPage([], 0, 1, query.PageSize, scope, null);
        }

        var page = await queries.ListSalesAsync(new SaleFilter(
            EnterpriseId: enterpriseId, ZoneCode: zone, Mode: query.Mode, Direction: query.Direction, State: query.State,
            CreatedFrom: query.CreatedFrom, CreatedBefore: query.CreatedBefore, OrderNo: query.OrderNo?.Trim(),
            Page: query.Page, PageSize: query.PageSize, Kind: query.Kind), ct);
        return new SaleListPage(page.Items.Select(Item).ToList(), page.Total, page.Page, page.PageSize, scope, zone);
    }

    public async Task<SaleDetailView?> GetSaleAsync(long saleId, CancellationToken ct)
    {
        var actor = Current;
        var detail = await queries.GetSaleAsync(saleId, ct);
        if (detail is null)
        {
            return null;
        }

        if (actor is null || !MayRead(actor, detail))
        {
            await DenyAsync("clearance.sale.read", $"sale:{saleId}", "outside the actor's enterprise or zone", ct);
            return null;
        }

        var directory = services.GetService<IEnterpriseDirectory>();
        var senders = new Dictionary<long, EnterpriseSummary?>();
        foreach (var id in detail.Timeline.Select(t => t.SenderEnterpriseId).Distinct())
        {
            senders[id] = directory is null ? null : await directory.FindByIdAsync(id, ct);
        }

        var timeline = detail.Timeline.Select(t => new SaleTimelineItem(t.DocumentId, t.Kind, t.MessageType, t.DocumentGuid, t.Version, t.MessageId,
            t.AppType, t.AppStatus, t.AppTime, t.Status, t.SenderEnterpriseId, senders[t.SenderEnterpriseId]?.NameZh, senders[t.SenderEnterpriseId]?.NameEn,
            t.ReceivedAt)).ToList();
        var mismatches = detail.Mismatches.Select(m =>
        {
            var check = MatchingText.Check(m.Check);
            return new SaleMismatchItem(m.Check, check.Zh, check.En, m.Field, m.ValueA, m.ValueB, m.KindA, m.KindB, m.TextZh, m.TextEn);
        }).ToList();
        return new SaleDetailView(Item(detail.Sale), timeline, mismatches);
    }

    public async Task<ClearanceStatistics?> StatisticsAsync(string? zoneCode, long? createdFrom, long? createdBefore, CancellationToken ct)
    {
        var actor = Current;
        string? zone;
        switch (actor?.Role)
        {
            case Role.ProvinceAdmin:
                zone = string.IsNullOrWhiteSpace(zoneCode) ? null : zoneCode.Trim();
                break;
            case Role.ZoneAdmin when actor.ZoneCode is not null:
                zone = actor.ZoneCode;
                break;
            default:
                await DenyAsync("clearance.statistics.read", zoneCode is null ? null : $"zone:{zoneCode}", "only zone and province administrators see statistics", ct);
                return null;
        }

        var mismatches = await queries.MismatchStatisticsAsync(zone, createdFrom, createdBefore, ct);
        var states = await queries.StateCountsAsync(zone, createdFrom, createdBefore, ct);
        return new ClearanceStatistics(
            zone,
            mismatches.Select(m =>
            {
                var check = MatchingText.Check(m.Check);
                return new MismatchStatistic(m.ZoneCode, m.Check, check.Zh, check.En, m.Sales, m.Fields);
            }).ToList(),
            states.Select(s => new SaleStateCount(s.ZoneCode, s.State, s.Sales)).ToList());
    }

    /// <summary>Whose sales the actor sees: its enterprise's, its zone's, or the province's (optionally narrowed to one zone).</summary>
    private static (SaleScope Scope, long? EnterpriseId, string? Zone) ScopeOf(Actor? actor, string? requestedZone) => actor switch
    {
        null => (SaleScope.None, null, null),
        { IsEnterprise: true, EnterpriseId: { } id } => (SaleScope.Enterprise, id, null),
        { Role: Role.ZoneAdmin, ZoneCode: { } z } => (SaleScope.Zone, null, z),
        { Role: Role.AgencyOfficer, ZoneCode: { } z } => (SaleScope.Zone, null, z),
        { Role: Role.AgencyOfficer or Role.ProvinceAdmin } when !string.IsNullOrWhiteSpace(requestedZone) => (SaleScope.Zone, null, requestedZone.Trim()),
        { Role: Role.AgencyOfficer or Role.ProvinceAdmin } => (SaleScope.Province, null, null),
        _ => (SaleScope.None, null, null),
    };

    private static bool MayRead(Actor actor, SaleDetail detail)
    {
        if (actor.IsEnterprise)
        {
            return actor.EnterpriseId is { } id && detail.Timeline.Any(t => t.SenderEnterpriseId == id);
        }

        return actor.Role == Role.ProvinceAdmin
            || (actor.Role == Role.AgencyOfficer && actor.ZoneCode is null)
            || (detail.Sale.ZoneCode is { } zone && actor.CoversZone(zone));
    }

    private async Task DenyAsync(string action, string? subject, string reason, CancellationToken ct)
    {
        if (services.GetService<IAuditTrail>() is { } audit)
        {
            await audit.RecordAsync(new AuditEntry(action, subject, AuditOutcome.Denied, reason), ct);
        }
    }

    private static SaleListItem Item(SaleSummary s) => new(s.Id, s.Direction, s.EbpCode, s.OrderNo, s.Mode, s.State,
        s.Missing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), s.MismatchCount, s.Warned != 0, s.ZoneCode,
        s.EbcCode, s.LogisticsNo, s.CreatedAt, s.UpdatedAt);
}
