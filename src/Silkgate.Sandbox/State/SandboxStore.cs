using Dapper;
using Microsoft.Data.Sqlite;

namespace Silkgate.Sandbox.State;

/// <summary>
/// The sandbox's own SQLite file (<c>&lt;exchange&gt;/sandbox/state.db</c>): processed guids, number counters, lists,
/// the buyer ledger, pending timers and the outbox of answers not yet written. Its schema is private to the sandbox
/// and versioned with <c>PRAGMA user_version</c>; it is not part of the platform database.
/// </summary>
internal sealed class SandboxStore
{
    private const int SchemaVersion = 1;
    private readonly string _connectionString;

    public SandboxStore(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        using var connection = Open();
        if (connection.ExecuteScalar<long>("PRAGMA user_version") < SchemaVersion)
        {
            connection.Execute(Schema);
            connection.Execute($"PRAGMA user_version = {SchemaVersion}");
        }
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Answers are acknowledged by moving the input file away, so every commit must be on disk first.
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    public T InTransaction<T>(Func<SandboxUnit, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = work(new SandboxUnit(connection, transaction));
        transaction.Commit();
        return result;
    }

    public IReadOnlyList<OutboxEntry> DueOutbox(long nowMs)
    {
        using var connection = Open();
        return connection.Query<OutboxEntry>("SELECT id AS Id, file AS File, content AS Content FROM outbox WHERE due_ms <= @nowMs ORDER BY id", new { nowMs }).ToList();
    }

    public void DeleteOutbox(long id)
    {
        using var connection = Open();
        connection.Execute("DELETE FROM outbox WHERE id = @id", new { id });
    }

    public IReadOnlyList<long> DueTimers(long nowMs)
    {
        using var connection = Open();
        return connection.Query<long>("SELECT id FROM timers WHERE due_ms <= @nowMs ORDER BY due_ms, id", new { nowMs }).ToList();
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS processed (guid TEXT PRIMARY KEY, msg_type TEXT NOT NULL, file TEXT NOT NULL, at_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS lists (
            id INTEGER PRIMARY KEY,
            direction TEXT NOT NULL,
            cop_key TEXT NOT NULL UNIQUE,
            guid TEXT NOT NULL,
            pre_no TEXT NOT NULL,
            invt_no TEXT NOT NULL UNIQUE,
            ebc_code TEXT NOT NULL,
            status INTEGER NOT NULL,
            plan TEXT NOT NULL,
            buyer_id TEXT,
            amount_units INTEGER NOT NULL,
            ledger_year INTEGER NOT NULL,
            statistics_flag TEXT,
            released_ms INTEGER,
            ended TEXT,
            summarised INTEGER NOT NULL DEFAULT 0,
            tax_no TEXT,
            platform_dxp TEXT NOT NULL,
            message BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS ledger (buyer_id TEXT NOT NULL, year INTEGER NOT NULL, amount_units INTEGER NOT NULL, PRIMARY KEY (buyer_id, year));
        CREATE TABLE IF NOT EXISTS timers (id INTEGER PRIMARY KEY, list_id INTEGER NOT NULL, step TEXT NOT NULL, due_ms INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS timers_due ON timers (due_ms);
        CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, file TEXT NOT NULL, due_ms INTEGER NOT NULL, content BLOB NOT NULL);
        """;
}

internal sealed record OutboxEntry(long Id, string File, byte[] Content);
