using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// A command of <see cref="StatementCache"/>: collects its text and parameters like any command and, when executed, moves
/// the parameters onto the compiled statement for that text. Parameter names get the <c>@</c> prefix SQLite looks up
/// first, so binding does not search the statement twice per parameter.
/// </summary>
internal sealed class CachedCommand(StatementCache cache, DbCommand scratch) : DbCommand
{
    private DbTransaction? _transaction;

    [AllowNull]
    public override string CommandText { get => scratch.CommandText; set => scratch.CommandText = value; }

    public override int CommandTimeout { get => scratch.CommandTimeout; set => scratch.CommandTimeout = value; }

    public override CommandType CommandType { get => scratch.CommandType; set => scratch.CommandType = value; }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get => cache; set => throw new NotSupportedException(); }

    protected override DbParameterCollection DbParameterCollection => scratch.Parameters;

    protected override DbTransaction? DbTransaction { get => _transaction; set => _transaction = value; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => scratch.CreateParameter();

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
        var command = cache.Take(scratch.CommandText, out cached);
        command.Transaction = _transaction;
        command.CommandType = scratch.CommandType;
        command.Parameters.Clear();
        var parameters = new DbParameter[scratch.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = scratch.Parameters[i];
        }

        scratch.Parameters.Clear();
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            scratch.Dispose();
        }

        base.Dispose(disposing);
    }
}
