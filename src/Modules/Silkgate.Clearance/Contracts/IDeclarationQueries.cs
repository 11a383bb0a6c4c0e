namespace Silkgate.Clearance.Contracts;

/// <summary>
/// Sales and their documents as the signed-in actor may see them. Enterprise users see the sales to which their enterprise
/// sent any document; zone administrators and agency officers their zone; the province administrator all. A sale outside
/// the actor's remit is reported as not found (and audited as denied).
/// </summary>
public interface IDeclarationQueries
{
    /// <summary>The actor's sales, newest first. Without a signed-in actor, or for a role that sees no sales, the page is empty with scope None.</summary>
    Task<SaleListPage> ListSalesAsync(SaleListQuery query, CancellationToken ct);

    /// <summary>A sale with its timeline and mismatches, or null when it does not exist or lies outside the actor's remit.</summary>
    Task<SaleDetailView?> GetSaleAsync(long saleId, CancellationToken ct);

    /// <summary>Mismatches by check and sales by state for a zone (zone administrators: always their own) and creation window; null when the actor may not see statistics.</summary>
    Task<ClearanceStatistics?> StatisticsAsync(string? zoneCode, long? createdFrom, long? createdBefore, CancellationToken ct);
}

/// <summary>Filters of the sales list; every criterion optional. Instants are Unix milliseconds UTC of the sale's creation.</summary>
/// <param name="Kind">Sales holding a document of this kind (Order, Payment, PaymentReceipt, Waybill, DeclarationList).</param>
/// <param name="Mode">9610, 1210, 9710 or 9810.</param>
/// <param name="Direction">"I" import or "E" export.</param>
/// <param name="State">Waiting, Mismatched, Matched or Ready.</param>
/// <param name="ZoneCode">Narrows a province-wide view to one zone; ignored for actors bound to a zone or an enterprise.</param>
public sealed record SaleListQuery(
    string? Kind = null,
    string? Mode = null,
    string? Direction = null,
    string? State = null,
    long? CreatedFrom = null,
    long? CreatedBefore = null,
    string? OrderNo = null,
    string? ZoneCode = null,
    int Page = 1,
    int PageSize = 50);

/// <summary>Whose sales a list shows.</summary>
public enum SaleScope
{
    /// <summary>No sales: not signed in, or a role without access.</summary>
    None,

    /// <summary>Sales to which the actor's enterprise sent a document.</summary>
    Enterprise,

    /// <summary>All sales of one zone.</summary>
    Zone,

    /// <summary>All sales of the province.</summary>
    Province,
}

public sealed record SaleListItem(long Id, string Direction, string EbpCode, string OrderNo, string? Mode, string State, IReadOnlyList<string> Missing,
    long MismatchCount, bool Warned, string? ZoneCode, string? EbcCode, string? LogisticsNo, long CreatedAt, long UpdatedAt);

public sealed record SaleListPage(IReadOnlyList<SaleListItem> Items, long Total, int Page, int PageSize, SaleScope Scope, string? ScopeZone);

/// <summary>One accepted version of one document of the sale, in arrival order.</summary>
public sealed record SaleTimelineItem(long DocumentId, string Kind, long MessageType, string DocumentGuid, long Version, long MessageId, long AppType,
    long AppStatus, string AppTime, string Status, long SenderEnterpriseId, string? SenderNameZh, string? SenderNameEn, long ReceivedAt);

/// <summary>One disagreeing field, with the check's sentence and the whole mismatch in Chinese and English.</summary>
public sealed record SaleMismatchItem(string Check, string CheckZh, string CheckEn, string Field, string? ValueA, string? ValueB, string KindA, string KindB,
    string TextZh, string TextEn);

public sealed record SaleDetailView(SaleListItem Sale, IReadOnlyList<SaleTimelineItem> Timeline, IReadOnlyList<SaleMismatchItem> Mismatches);

public sealed record MismatchStatistic(string? ZoneCode, string Check, string CheckZh, string CheckEn, long Sales, long Fields);

public sealed record SaleStateCount(string? ZoneCode, string State, long Sales);

public sealed record ClearanceStatistics(string? ZoneCode, IReadOnlyList<MismatchStatistic> Mismatches, IReadOnlyList<SaleStateCount> States);
