using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Silkgate.Sandbox.State;

/// <summary>The state operations of one transaction: everything a message or a timer changes commits together.</summary>
internal sealed class SandboxUnit(SqliteConnection connection, SqliteTransaction transaction)
{
    private const string ListColumns = """
        id AS Id, direction AS Direction, cop_key AS CopKey, guid AS Guid, pre_no AS PreNo, invt_no AS InvtNo, ebc_code AS EbcCode,
        status AS Status, plan AS Plan, buyer_id AS BuyerId, amount_units AS AmountUnits, ledger_year AS LedgerYear,
        statistics_flag AS StatisticsFlag, released_ms AS ReleasedMs, ended AS Ended, summarised AS Summarised, tax_no AS TaxNo,
        platform_dxp AS PlatformDxp, message AS Message
        """;

    private IDbTransaction Tx => transaction;

    public bool WasProcessed(string guid) =>
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM processed WHERE guid = @guid", new { guid }, Tx) > 0;

    public void MarkProcessed(string guid, string msgType, string file, long atMs) =>
        connection.Execute("INSERT INTO processed (guid, msg_type, file, at_ms) VALUES (@guid, @msgType, @file, @atMs)", new { guid, msgType, file, atMs }, Tx);

    /// <summary>The next value of a named serial (1, 2, …).</summary>
    public long Next(string counter) => connection.ExecuteScalar<long>(
        "INSERT INTO counters (name, value) VALUES (@counter, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
        new { counter }, Tx);

    public ListRecord? FindList(string copKey) =>
        connection.QuerySingleOrDefault<ListRecord>($"SELECT {ListColumns} FROM lists WHERE cop_key = @copKey", new { copKey }, Tx);

    public ListRecord? FindByInvtNo(string invtNo) =>
        connection.QuerySingleOrDefault<ListRecord>($"SELECT {ListColumns} FROM lists WHERE invt_no = @invtNo", new { invtNo }, Tx);

    public ListRecord? GetList(long id) =>
        connection.QuerySingleOrDefault<ListRecord>($"SELECT {ListColumns} FROM lists WHERE id = @id", new { id }, Tx);

    /// <summary>Export lists of a consignor released and not yet summarised, optionally within a release window.</summary>
    public IReadOnlyList<ListRecord> SummarisableLists(string ebcCode, long? fromMs, long? toMs) => connection.Query<ListRecord>(
        $"""
        SELECT {ListColumns} FROM lists
        WHERE direction = 'E' AND ebc_code = @ebcCode AND status IN (800, 899) AND ended IS NULL AND summarised = 0 AND statistics_flag = 'B'
          AND (@fromMs IS NULL OR released_ms >= @fromMs) AND (@toMs IS NULL OR released_ms <= @toMs)
        ORDER BY id
        """, new { ebcCode, fromMs, toMs }, Tx).ToList();

    public long InsertList(ListRecord r) => connection.ExecuteScalar<long>(
        """
        INSERT INTO lists (direction, cop_key, guid, pre_no, invt_no, ebc_code, status, plan, buyer_id, amount_units, ledger_year, statistics_flag, platform_dxp, message)
        VALUES (@Direction, @CopKey, @Guid, @PreNo, @InvtNo, @EbcCode, @Status, @Plan, @BuyerId, @AmountUnits, @LedgerYear, @StatisticsFlag, @PlatformDxp, @Message)
        RETURNING id
        """, r, Tx);

    public void UpdateList(ListRecord r) => connection.Execute(
        "UPDATE lists SET status = @Status, released_ms = @ReleasedMs, ended = @Ended, summarised = @Summarised, tax_no = @TaxNo WHERE id = @Id", r, Tx);

    public long LedgerUsed(string buyerId, int year) => connection.ExecuteScalar<long?>(
        "SELECT amount_units FROM ledger WHERE buyer_id = @buyerId AND year = @year", new { buyerId, year }, Tx) ?? 0;

    /// <summary>Adds (or with a negative amount restores) a buyer's annual amount.</summary>
    public void AddToLedger(string buyerId, int year, long units) => connection.Execute(
        """
        INSERT INTO ledger (buyer_id, year, amount_units) VALUES (@buyerId, @year, @units)
        ON CONFLICT (buyer_id, year) DO UPDATE SET amount_units = MAX(0, amount_units + @units)
        """, new { buyerId, year, units }, Tx);

    public void Schedule(long listId, string step, long dueMs) =>
        connection.Execute("INSERT INTO timers (list_id, step, due_ms) VALUES (@listId, @step, @dueMs)", new { listId, step, dueMs }, Tx);

    public (long ListId, string Step, long DueMs)? TakeTimer(long id)
    {
        var timer = connection.QuerySingleOrDefault<(long, string, long)?>("SELECT list_id, step, due_ms FROM timers WHERE id = @id", new { id }, Tx);
        connection.Execute("DELETE FROM timers WHERE id = @id", new { id }, Tx);
        return timer;
    }

    public void CancelTimers(long listId) => connection.Execute("DELETE FROM timers WHERE list_id = @listId", new { listId }, Tx);

    public void AddToOutbox(string file, long dueMs, byte[] content) =>
        connection.Execute("INSERT INTO outbox (file, due_ms, content) VALUES (@file, @dueMs, @content)", new { file, dueMs, content }, Tx);
}
