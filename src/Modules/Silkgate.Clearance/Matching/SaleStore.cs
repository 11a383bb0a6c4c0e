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
    private const string RowColumns = "id AS Id, direction AS Direction, ebp_code AS EbpCode, order_no AS OrderNo, state AS State, warned AS Warned, " +
        "logistics_code AS LogisticsCode, logistics_no AS LogisticsNo, waiting_since_at AS WaitingSinceAt, matched_at AS MatchedAt, " +
        "mismatch_count AS MismatchCount, zone_code AS ZoneCode";

    /// <summary>
    /// The sale of this order, created when this is its first document, in one statement: the no-op update on conflict
    /// makes both cases return the row (and, on PostgreSQL, lock it until the transaction ends).
    /// </summary>
    public static async Task<SaleRow> JoinOrderAsync(IngestContext c, string direction, string ebpCode, string orderNo, long now, CancellationToken ct) =>
        await c.Connection.QuerySingleAsync<SaleRow>(new CommandDefinition(
            "INSERT INTO clearance_sales (direction, ebp_code, order_no, state, missing, mismatch_count, warned, waiting_since_at, created_at, updated_at) " +
            "VALUES (@direction, @ebpCode, @orderNo, @state, '', -1, 0, @now, @now, @now) " +
            $"ON CONFLICT (direction, ebp_code, order_no) DO UPDATE SET updated_at = clearance_sales.updated_at RETURNING {RowColumns}",
            new { direction, ebpCode, orderNo, now, state = nameof(SaleState.Waiting) }, c.Transaction, cancellationToken: ct));

    public static async Task<SaleRow> GetAsync(IngestContext c, long saleId, CancellationToken ct) =>
        (await c.Connection.QueryAsync<SaleRow>(new CommandDefinition(
            $"SELECT {RowColumns} FROM clearance_sales WHERE id = @saleId", new { saleId }, c.Transaction, cancellationToken: ct))).Single();

    /// <summary>The sale whose list names this waybill, if its list has arrived.</summary>
    internal const string FindByLogisticsSql = $"SELECT {RowColumns} FROM clearance_sales WHERE direction = @direction AND logistics_code = @logisticsCode " +
        "AND logistics_no = @logisticsNo ORDER BY id LIMIT 1";

    public static async Task<SaleRow?> FindByLogisticsAsync(IngestContext c, string direction, string? logisticsCode, string? logisticsNo, CancellationToken ct) =>
        (await c.Connection.QueryAsync<SaleRow>(new CommandDefinition(
            FindByLogisticsSql,
            new { direction, logisticsCode, logisticsNo }, c.Transaction, cancellationToken: ct))).FirstOrDefault();

    /// <summary>The verdict, the parties and the logistics number the sale's list names (<paramref name="row"/>).</summary>
    public static Task SaveAsync(IngestContext c, SaleRow row, SaleVerdict verdict, SaleParties parties, long? waitingSince, bool warned, long? matchedAt, long now, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_sales SET mode = @Mode, state = @State, missing = @Missing, mismatch_count = @Count, warned = @Warned, " +
            "ebc_code = @EbcCode, pay_code = @PayCode, agent_code = @AgentCode, zone_code = COALESCE(@ZoneCode, zone_code), " +
            "logistics_code = @LogisticsCode, logistics_no = @LogisticsNo, waiting_since_at = @WaitingSince, matched_at = @MatchedAt, updated_at = @Now WHERE id = @Id",
            new
            {
                Id = row.Id, row.LogisticsCode, row.LogisticsNo, verdict.Mode, State = verdict.State.ToString(), Missing = string.Join(",", verdict.Missing), Count = (long)verdict.Mismatches.Count,
                Warned = warned ? 1L : 0L, parties.EbcCode, parties.PayCode, parties.AgentCode, parties.ZoneCode, WaitingSince = waitingSince, MatchedAt = matchedAt, Now = now,
            }, c.Transaction, cancellationToken: ct));

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
