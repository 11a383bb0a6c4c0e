using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The writer's connection as the declaration processor sees it (SQLite): every command created on it runs through a
/// statement compiled once per distinct SQL text and kept for the life of the connection. Microsoft.Data.Sqlite compiles
/// a statement anew for every command object, and Dapper makes one per call, so without this each document paid for
/// parsing and planning about ten statements on the single writer thread.
/// Safe because the writer is single-threaded and the processor reads each result fully before the next statement
/// (Dapper's buffered queries); a statement whose reader is still open is never reused.
/// </summary>
internal sealed class StatementCache(DbConnection inner) : DbConnection
{
    private readonly Dictionary<string, DbCommand> _compiled = new(StringComparer.Ordinal);
    private readonly HashSet<DbCommand> _busy = [];

    [AllowNull]
    public override string ConnectionString { get => inner.ConnectionString; set => throw new NotSupportedException(); }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Close() => throw new NotSupportedException("The writer's connection is closed by the writer.");

    public override void Open()
    {
        if (inner.State != ConnectionState.Open)
        {
            throw new InvalidOperationException("The writer's connection is not open.");
        }
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        throw new NotSupportedException("The ingest transaction belongs to the batch writer.");

    protected override DbCommand CreateDbCommand() => new CachedCommand(this, inner.CreateCommand());

    /// <summary>The compiled command for <paramref name="sql"/>, or a fresh one while the compiled one is in use.</summary>
    internal DbCommand Take(string sql, out bool cached)
    {
        if (!_compiled.TryGetValue(sql, out var command))
        {
            command = inner.CreateCommand();
#pragma warning disable CA2100 // The text comes from the module's own statements; values travel as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            _compiled[sql] = command;
        }

        cached = _busy.Add(command);
        if (cached)
        {
            return command;
        }

        var fresh = inner.CreateCommand();
#pragma warning disable CA2100
        fresh.CommandText = sql;
#pragma warning restore CA2100
        return fresh;
    }

    internal void Return(DbCommand command) => _busy.Remove(command);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var c in _compiled.Values)
            {
                c.Dispose();
            }

            _compiled.Clear();
        }

        base.Dispose(disposing);
    }
}
