using System.Data.Common;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The writer's connection as the declaration processor sees it (SQLite): every command created on it runs through a
/// statement compiled once per distinct SQL text and kept for the life of the connection. Microsoft.Data.Sqlite compiles
/// a statement anew for every command object, and Dapper makes one per call. Since ADR 0016 only the processor's rarer
/// statements come this way; those run for every document are <see cref="HotSql"/>.
/// Safe because the writer is single-threaded and the processor reads each result fully before the next statement
/// (Dapper's buffered queries); a statement whose reader is still open is never reused.
/// </summary>
internal sealed class StatementCache(DbConnection inner) : WriterConnection(inner)
{
    private readonly Dictionary<string, DbCommand> _compiled = new(StringComparer.Ordinal);
    private readonly HashSet<DbCommand> _busy = [];

    protected override DbCommand CreateDbCommand() => new CachedCommand(this, Inner.CreateCommand());

    /// <summary>The compiled command for <paramref name="sql"/>, or a fresh one while the compiled one is in use.</summary>
    internal DbCommand Take(string sql, out bool cached)
    {
        if (!_compiled.TryGetValue(sql, out var command))
        {
            command = Inner.CreateCommand();
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

        var fresh = Inner.CreateCommand();
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
