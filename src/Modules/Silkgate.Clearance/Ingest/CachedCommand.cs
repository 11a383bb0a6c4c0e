using System.Data;
using System.Data.Common;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// A command of <see cref="StatementCache"/>: collects its text and parameters like any command and, when executed, moves
/// the parameters onto the compiled statement for that text. Parameter names get the <c>@</c> prefix SQLite looks up
/// first, so binding does not search the statement twice per parameter.
/// </summary>
internal sealed class CachedCommand(StatementCache cache, DbCommand scratch) : WriterCommand(cache, scratch)
{
    public override int ExecuteNonQuery() => Run(c => c.ExecuteNonQuery());

    public override object? ExecuteScalar() => Run(c => c.ExecuteScalar());

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => RunAsync(c => c.ExecuteNonQueryAsync(cancellationToken));

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => RunAsync(c => c.ExecuteScalarAsync(cancellationToken));

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Run(c => c.ExecuteReader(behavior));

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        RunAsync(c => c.ExecuteReaderAsync(behavior, cancellationToken));

    private T Run<T>(Func<DbCommand, T> execute)
    {
        var command = Bind(out var cached);
        try
        {
            var result = execute(command);
            return result is DbDataReader reader ? (T)(object)new ReturningReader(reader, () => Release(command, cached)) : Released(result, command, cached);
        }
        catch
        {
            Release(command, cached);
            throw;
        }
    }

    private async Task<T> RunAsync<T>(Func<DbCommand, Task<T>> execute)
    {
        var command = Bind(out var cached);
        try
        {
            var result = await execute(command);
            return result is DbDataReader reader ? (T)(object)new ReturningReader(reader, () => Release(command, cached)) : Released(result, command, cached);
        }
        catch
        {
            Release(command, cached);
            throw;
        }
    }

    private DbCommand Bind(out bool cached)
    {
        var command = cache.Take(Scratch.CommandText, out cached);
        command.Transaction = Transaction;
        command.CommandType = Scratch.CommandType;
        command.Parameters.Clear();
        var parameters = TakeParameters();
        foreach (var p in parameters)
        {
            if (p.ParameterName.Length > 0 && p.ParameterName[0] is not ('@' or ':' or '$'))
            {
                p.ParameterName = "@" + p.ParameterName;
            }

            command.Parameters.Add(p);
        }

        return command;
    }

    private T Released<T>(T result, DbCommand command, bool cached)
    {
        Release(command, cached);
        return result;
    }

    private void Release(DbCommand command, bool cached)
    {
        command.Parameters.Clear();
        if (cached)
        {
            cache.Return(command);
        }
        else
        {
            command.Dispose();
        }
    }
}
