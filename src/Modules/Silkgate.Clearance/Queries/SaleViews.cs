namespace Silkgate.Clearance.Queries;

/// <summary>Filters of the sales list; every criterion is optional. Instants are Unix milliseconds UTC on <c>created_at</c>.</summary>
/// <param name="EnterpriseId">Sales to which this registered enterprise sent at least one document.</param>
/// <param name="PartyCode">Sales naming this code as platform, e-commerce enterprise, logistics firm, payment firm or agent.</param>
/// <param name="Direction">"I" import or "E" export.</param>
/// <param name="State">Waiting, Mismatched, Matched or Ready.</param>
internal sealed record SaleFilter(
    long? EnterpriseId = null,
    string? PartyCode = null,
    string? ZoneCode = null,
    string? Mode = null,
    string? Direction = null,
    string? State = null,
    bool? Warned = null,
    long? CreatedFrom = null,
    long? CreatedBefore = null,
    string? OrderNo = null,
    int Page = 1,
    int PageSize = 50,
    string? Kind = null);

internal sealed record SaleSummary(long Id, string Direction, string EbpCode, string OrderNo, string? Mode, string State, string Missing,
    long MismatchCount, long Warned, string? ZoneCode, string? EbcCode, string? LogisticsNo, long? WaitingSinceAt, long? MatchedAt, long CreatedAt, long UpdatedAt);

internal sealed record SalePage(IReadOnlyList<SaleSummary> Items, long Total, int Page, int PageSize);

/// <summary>One accepted version of one document of a sale, in arrival order.</summary>
internal sealed record TimelineEntry(long DocumentId, string Kind, long MessageType, string DocumentGuid, long Version, long MessageId, long AppType,
    long AppStatus, string AppTime, string Status, long SenderEnterpriseId, long ReceivedAt);

internal sealed record MismatchView(string Check, string Field, string? ValueA, string? ValueB, string KindA, string KindB, string TextZh, string TextEn);

internal sealed record SaleDetail(SaleSummary Sale, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<MismatchView> Mismatches);

/// <summary>How many sales failed a check, and how many fields, per zone.</summary>
internal sealed record MismatchCount(string? ZoneCode, string Check, long Sales, long Fields);

/// <summary>How many sales are in a state, per zone.</summary>
internal sealed record StateCount(string? ZoneCode, string State, long Sales);
