using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// Where an <see cref="IngestContext"/> gets its <see cref="HotStatement"/>s. The writer's keeps every SQLite statement
/// compiled for the life of its connection; a context of anyone else's connection compiles each statement for one use.
/// </summary>
internal sealed class HotStatements : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly StatementPipeline? _pipeline;
    private readonly Dictionary<HotSql, SqliteHotStatement>? _kept;

    private HotStatements(DbConnection connection, DbTransaction? transaction, StatementPipeline? pipeline, bool keep)
    {
        _connection = connection;
        _transaction = transaction;
        _pipeline = pipeline;
        _kept = keep && connection is SqliteConnection ? [] : null;
    }

    /// <summary>The writer's: on SQLite compiled once, on PostgreSQL through its pipeline (which carries the transaction).</summary>
    public static HotStatements ForWriter(DbConnection connection, StatementPipeline? pipeline) => new(connection, null, pipeline, keep: true);

    /// <summary>For a context on a connection and transaction of the caller's.</summary>
    public static HotStatements Once(DbConnection connection, DbTransaction transaction) => new(connection, transaction, null, keep: false);

    public HotStatement Get(HotSql sql)
    {
        if (_connection is not SqliteConnection sqlite)
        {
            return new AdoHotStatement(sql, _connection, _pipeline is null ? _transaction : null, _pipeline);
        }

        if (_kept is null)
        {
            return new SqliteHotStatement(sqlite, sql, kept: false);
        }

        if (!_kept.TryGetValue(sql, out var statement))
        {
            statement = new SqliteHotStatement(sqlite, sql, kept: true);
            _kept[sql] = statement;
        }

        // Its rows are still open (a statement run again while reading its own result): this use gets its own.
        return statement.InUse ? new SqliteHotStatement(sqlite, sql, kept: false) : statement.Restart();
    }

    public void Dispose()
    {
        if (_kept is null)
        {
            return;
        }

        foreach (var s in _kept.Values)
        {
            s.Dispose();
        }

        _kept.Clear();
    }
}
