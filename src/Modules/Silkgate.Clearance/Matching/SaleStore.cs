using Dapper;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Matching;

/// <summary>The stored state of a sale, as the coordinator needs it.</summary>
internal sealed record SaleRow(long Id, string Direction, string EbpCode, string OrderNo, string State, long Warned, string? LogisticsCode,
    string? LogisticsNo, long? WaitingSinceAt, long? MatchedAt, long MismatchCount, string? ZoneCode)
{
    /// <summary>
    /// Created by the <see cref="SaleStore.JoinOrderAsync"/> that returned it: no document names it yet. The insert
    /// marks it with a mismatch count of -1, which the verdict saved in the same transaction always replaces.
    /// </summary>
    public bool IsNew => MismatchCount < 0;

    /// <summary>The logistics number the sale's list names, as the coordinator is about to save it.</summary>
    public SaleRow WithLogistics(string? code, string? number) => this with { LogisticsCode = code, LogisticsNo = number };
}

/// <summary>The parties a sale names, for filters ("any party").</summary>
internal sealed record SaleParties(string? EbcCode, string? PayCode, string? AgentCode, string? ZoneCode);

/// <summary>Reads and writes <c>clearance_sales</c> and <c>clearance_mismatches</c> inside the ingest transaction.</summary>
internal static class SaleStore
{
    private const string RowColumns = "id, direction, ebp_code, order_no, state, warned, logistics_code, logistics_no, waiting_since_at, matched_at, " +
        "mismatch_count, zone_code";

    /// <summary>
    /// The sale of this order, created when this is its first document, in one statement: the no-op update on conflict
    /// makes both cases return the row (and, on PostgreSQL, lock it until the transaction ends).
    /// </summary>
    private static readonly HotSql JoinOrder = new(
        "INSERT INTO clearance_sales (direction, ebp_code, order_no, state, missing, mismatch_count, warned, waiting_since_at, created_at, updated_at) " +
        $"VALUES ($1, $2, $3, '{nameof(SaleState.Waiting)}', '', -1, 0, $4, $4, $4) " +
        $"ON CONFLICT (direction, ebp_code, order_no) DO UPDATE SET updated_at = clearance_sales.updated_at RETURNING {RowColumns}");

    private static readonly HotSql ById = new($"SELECT {RowColumns} FROM clearance_sales WHERE id = $1");

    /// <summary>PostgreSQL: a sale created with a reserved id, queued in the writer's pipeline (see <see cref="SalePrefetch"/>).</summary>
    private static readonly HotSql CreateWithId = new(
        "INSERT INTO clearance_sales (id, direction, ebp_code, order_no, state, missing, mismatch_count, warned, waiting_since_at, created_at, updated_at) " +
        $"VALUES ($5, $1, $2, $3, '{nameof(SaleState.Waiting)}', '', -1, 0, $4, $4, $4)");

    private static readonly HotSql ReserveIds = new("SELECT nextval(pg_get_serial_sequence('clearance_sales', 'id')) FROM generate_series(1, $1)");

    /// <summary>The sale whose list names this waybill, if its list has arrived.</summary>
    internal static readonly HotSql FindByLogisticsSql = new($"SELECT {RowColumns} FROM clearance_sales WHERE direction = $1 AND logistics_code = $2 " +
        "AND logistics_no = $3 ORDER BY id LIMIT 1");

    private static readonly HotSql Save = new(
        "UPDATE clearance_sales SET mode = $2, state = $3, missing = $4, mismatch_count = $5, warned = $6, ebc_code = $7, pay_code = $8, agent_code = $9, " +
        "zone_code = COALESCE($10, zone_code), logistics_code = $11, logistics_no = $12, waiting_since_at = $13, matched_at = $14, updated_at = $15 WHERE id = $1");

    public static async Task<SaleRow> JoinOrderAsync(IngestContext c, string direction, string ebpCode, string orderNo, long now, CancellationToken ct) =>
        await OneAsync(c.Statement(JoinOrder).Add(direction).Add(ebpCode).Add(orderNo).Add(now), ct)
        ?? throw new InvalidOperationException("The sale's upsert returned no row.");

    /// <summary>The row <see cref="JoinOrderAsync"/> returns for a sale it creates, written here with a known id and without a round trip.</summary>
    public static async Task<SaleRow> CreateAsync(IngestContext c, long id, string direction, string ebpCode, string orderNo, long now, CancellationToken ct)
    {
        await c.Statement(CreateWithId).Add(direction).Add(ebpCode).Add(orderNo).Add(now).Add(id).RunAsync(ct);
        return new SaleRow(id, direction, ebpCode, orderNo, nameof(SaleState.Waiting), 0, null, null, now, null, -1, null);
    }

    /// <summary>Ids for sales created later (PostgreSQL).</summary>
    public static async Task<List<long>> ReserveIdsAsync(IngestContext c, int count, CancellationToken ct)
    {
        var ids = new List<long>(count);
        await using var rows = await c.Statement(ReserveIds).Add((long)count).QueryAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            ids.Add(rows.Int64(0));
        }

        return ids;
    }

    public static async Task<SaleRow> GetAsync(IngestContext c, long saleId, CancellationToken ct) =>
        await OneAsync(c.Statement(ById).Add(saleId), ct) ?? throw new InvalidOperationException($"Sale {saleId} does not exist.");

    public static Task<SaleRow?> FindByLogisticsAsync(IngestContext c, string direction, string? logisticsCode, string? logisticsNo, CancellationToken ct) =>
        OneAsync(c.Statement(FindByLogisticsSql).Add(direction).Add(logisticsCode).Add(logisticsNo), ct);

    /// <summary>The verdict, the parties and the logistics number the sale's list names (<paramref name="row"/>).</summary>
    public static async Task SaveAsync(IngestContext c, SaleRow row, SaleVerdict verdict, SaleParties parties, long? waitingSince, bool warned, long? matchedAt, long now,
        CancellationToken ct) =>
        await c.Statement(Save).Add(row.Id).Add(verdict.Mode).Add(verdict.State.ToString()).Add(string.Join(",", verdict.Missing)).Add((long)verdict.Mismatches.Count)
            .Add(warned ? 1L : 0L).Add(parties.EbcCode).Add(parties.PayCode).Add(parties.AgentCode).Add(parties.ZoneCode).Add(row.LogisticsCode).Add(row.LogisticsNo)
            .Add(waitingSince).Add(matchedAt).Add(now).RunAsync(ct);

    private static async Task<SaleRow?> OneAsync(HotStatement statement, CancellationToken ct)
    {
        await using var r = await statement.QueryAsync(ct);
        return await r.ReadAsync(ct)
            ? new SaleRow(r.Int64(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int64(5), r.TextOrNull(6), r.TextOrNull(7), r.Int64OrNull(8), r.Int64OrNull(9),
                r.Int64(10), r.TextOrNull(11))
            : null;
    }

    public static async Task ReplaceMismatchesAsync(IngestContext c, long saleId, IReadOnlyList<Mismatch> mismatches, long now, CancellationToken ct)
    {
        await c.Writes.ExecuteAsync(new CommandDefinition("DELETE FROM clearance_mismatches WHERE sale_id = @saleId", new { saleId }, c.Transaction, cancellationToken: ct));
        if (mismatches.Count == 0)
        {
            return;
        }

        await c.Writes.ExecuteAsync(new CommandDefinition(
            "INSERT INTO clearance_mismatches (sale_id, check_name, field_path, value_a, value_b, kind_a, kind_b, created_at) " +
            "VALUES (@SaleId, @Check, @Field, @ValueA, @ValueB, @KindA, @KindB, @Now)",
            mismatches.Select(m => new { SaleId = saleId, m.Check, m.Field, m.ValueA, m.ValueB, KindA = m.KindA.ToString(), KindB = m.KindB.ToString(), Now = now }).ToList(),
            c.Transaction, cancellationToken: ct));
    }
}
