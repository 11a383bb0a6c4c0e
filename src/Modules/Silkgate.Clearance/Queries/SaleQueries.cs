using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Matching;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Queries;

/// <summary>
/// Read side for pages and the API: sales with filters and paging, a sale's timeline and mismatches, mismatch statistics.
/// It does not decide who may see what: callers pass the actor's enterprise or zone as a filter.
/// </summary>
internal sealed class SaleQueries(Database database)
{
    private const string SummaryColumns = "s.id AS Id, s.direction AS Direction, s.ebp_code AS EbpCode, s.order_no AS OrderNo, s.mode AS Mode, s.state AS State, " +
        "s.missing AS Missing, s.mismatch_count AS MismatchCount, s.warned AS Warned, s.zone_code AS ZoneCode, s.ebc_code AS EbcCode, s.logistics_no AS LogisticsNo, " +
        "s.waiting_since_at AS WaitingSinceAt, s.matched_at AS MatchedAt, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt";

    public async Task<SalePage> ListSalesAsync(SaleFilter filter, CancellationToken ct)
    {
        var (where, args) = Where(filter);
        int size = Math.Clamp(filter.PageSize, 1, 500);
        int page = Math.Max(1, filter.Page);
        args.Add("Take", (long)size);
        args.Add("Skip", (long)(page - 1) * size);
        await using var connection = await database.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM clearance_sales s {where}", args, cancellationToken: ct));
        var items = await connection.QueryAsync<SaleSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM clearance_sales s {where} ORDER BY s.created_at DESC, s.id DESC LIMIT @Take OFFSET @Skip", args, cancellationToken: ct));
        return new SalePage(items.ToList(), total, page, size);
    }

    public async Task<SaleDetail?> GetSaleAsync(long saleId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var sale = (await connection.QueryAsync<SaleSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM clearance_sales s WHERE s.id = @saleId", new { saleId }, cancellationToken: ct))).SingleOrDefault();
        if (sale is null)
        {
            return null;
        }

        var timeline = await connection.QueryAsync<TimelineEntry>(new CommandDefinition(
            "SELECT v.document_id AS DocumentId, d.kind AS Kind, v.message_type AS MessageType, v.document_guid AS DocumentGuid, v.version AS Version, " +
            "v.message_id AS MessageId, v.app_type AS AppType, v.app_status AS AppStatus, v.app_time AS AppTime, v.status AS Status, " +
            "v.sender_enterprise_id AS SenderEnterpriseId, v.received_at AS ReceivedAt FROM clearance_document_versions v JOIN clearance_documents d ON d.id = v.document_id " +
            "WHERE d.sale_id = @saleId ORDER BY v.received_at, v.id", new { saleId }, cancellationToken: ct));
        var rows = await connection.QueryAsync<(string Check, string Field, string? ValueA, string? ValueB, string KindA, string KindB)>(new CommandDefinition(
            "SELECT check_name, field_path, value_a, value_b, kind_a, kind_b FROM clearance_mismatches WHERE sale_id = @saleId ORDER BY id",
            new { saleId }, cancellationToken: ct));
        var mismatches = rows.Select(r =>
        {
            var text = MatchingText.Describe(new Mismatch(r.Check, r.Field, r.ValueA, r.ValueB, Enum.Parse<CebDocumentKind>(r.KindA), Enum.Parse<CebDocumentKind>(r.KindB)));
            return new MismatchView(r.Check, r.Field, r.ValueA, r.ValueB, r.KindA, r.KindB, text.Zh, text.En);
        }).ToList();
        return new SaleDetail(sale, timeline.ToList(), mismatches);
    }

    /// <summary>Per zone (or one zone) and check: sales that failed it and fields that disagreed, for sales created in the window.</summary>
    public async Task<IReadOnlyList<MismatchCount>> MismatchStatisticsAsync(string? zoneCode, long? createdFrom, long? createdBefore, CancellationToken ct)
    {
        var (where, args) = Where(new SaleFilter(ZoneCode: zoneCode, CreatedFrom: createdFrom, CreatedBefore: createdBefore));
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<MismatchCount>(new CommandDefinition(
            "SELECT s.zone_code AS ZoneCode, m.check_name AS \"Check\", COUNT(DISTINCT m.sale_id) AS Sales, COUNT(*) AS Fields FROM clearance_mismatches m JOIN clearance_sales s ON s.id = m.sale_id " +
            $"{where} GROUP BY s.zone_code, m.check_name ORDER BY s.zone_code, COUNT(*) DESC, m.check_name", args, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>Per zone (or one zone) and state: sales created in the window.</summary>
    public async Task<IReadOnlyList<StateCount>> StateCountsAsync(string? zoneCode, long? createdFrom, long? createdBefore, CancellationToken ct)
    {
        var (where, args) = Where(new SaleFilter(ZoneCode: zoneCode, CreatedFrom: createdFrom, CreatedBefore: createdBefore));
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<StateCount>(new CommandDefinition(
            $"SELECT s.zone_code AS ZoneCode, s.state AS State, COUNT(*) AS Sales FROM clearance_sales s {where} GROUP BY s.zone_code, s.state ORDER BY s.zone_code, s.state",
            args, cancellationToken: ct));
        return rows.ToList();
    }

    private static (string Where, DynamicParameters Args) Where(SaleFilter f)
    {
        var clauses = new List<string>();
        var args = new DynamicParameters();
        void Add(string clause, string name, object value)
        {
            clauses.Add(clause);
            args.Add(name, value);
        }

        if (f.EnterpriseId is { } e) { Add("EXISTS (SELECT 1 FROM clearance_documents d WHERE d.sale_id = s.id AND d.sender_enterprise_id = @EnterpriseId)", "EnterpriseId", e); }
        if (f.PartyCode is { Length: > 0 } p) { Add("(s.ebp_code = @Party OR s.ebc_code = @Party OR s.logistics_code = @Party OR s.pay_code = @Party OR s.agent_code = @Party)", "Party", p); }
        if (f.ZoneCode is { Length: > 0 } z) { Add("s.zone_code = @Zone", "Zone", z); }
        if (f.Mode is { Length: > 0 } m) { Add("s.mode = @Mode", "Mode", m); }
        if (f.Direction is { Length: > 0 } d) { Add("s.direction = @Direction", "Direction", d); }
        if (f.State is { Length: > 0 } st) { Add("s.state = @State", "State", st); }
        if (f.Warned is { } w) { Add("s.warned = @Warned", "Warned", w ? 1L : 0L); }
        if (f.CreatedFrom is { } from) { Add("s.created_at >= @From", "From", from); }
        if (f.CreatedBefore is { } before) { Add("s.created_at < @Before", "Before", before); }
        if (f.Kind is { Length: > 0 } k) { Add("EXISTS (SELECT 1 FROM clearance_documents dk WHERE dk.sale_id = s.id AND dk.kind = @Kind)", "Kind", k); }
        if (f.OrderNo is { Length: > 0 } o) { Add("s.order_no = @OrderNo", "OrderNo", o); }
        return (clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses), args);
    }
}
