using System.Data;
using System.Data.Common;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// PostgreSQL: the writer's statements travel in as few round trips as their results allow. A statement whose result
/// nobody reads (most inserts and updates of a document and its sale) is only queued; it goes to the server in one
/// batch with the next statement that returns something, or at <see cref="FlushAsync"/>. Each round trip is a message
/// to a backend process on the same few cores, so the writer waited on them more than it worked.
/// Order is kept, so every statement sees the effects of those queued before it; an error of a queued statement
/// surfaces at the next round trip, which is why the writer flushes at the end of each message, inside its savepoint.
/// </summary>
internal sealed class StatementPipeline(DbConnection connection)
{
    private DbBatch? _next;

    public DbTransaction? Transaction { get; set; }

    /// <summary>What commands of <see cref="Reads"/> and <see cref="Writes"/> run through.</summary>
    public DbConnection Reads => field ??= new PipelinedConnection(this, connection, deferred: false);

    /// <summary>Commands created here are queued: for statements whose result (even the row count) is not used.</summary>
    public DbConnection Writes => field ??= new PipelinedConnection(this, connection, deferred: true);

    public int Queued => _next?.BatchCommands.Count ?? 0;

    /// <summary>How many times statements went to the server: unchanged means nothing queued since was sent.</summary>
    public long RoundTrips { get; private set; }

    /// <summary>Queues one statement.</summary>
    public void Defer(string sql, CommandType type, IEnumerable<DbParameter> parameters)
    {
        // A queued statement must not return rows: the reader of the batch would stop at them.
        if (sql.Contains("RETURNING", StringComparison.OrdinalIgnoreCase) || sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("A statement that returns rows cannot be queued: " + sql);
        }

        Add(sql, type, parameters);
    }

    /// <summary>Sends whatever is queued.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_next is null)
        {
            return;
        }

        await using var batch = Take();
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Forgets what is queued (the statements of a message that failed, rolled back with it).</summary>
    public void Discard()
    {
        _next?.Dispose();
        _next = null;
    }

    public async Task<int> NonQueryAsync(string sql, CommandType type, IEnumerable<DbParameter> parameters, CancellationToken ct)
    {
        var last = Add(sql, type, parameters);
        await using var batch = Take();
        await batch.ExecuteNonQueryAsync(ct);
        return last.RecordsAffected;
    }

    public async Task<DbDataReader> ReaderAsync(string sql, CommandType type, IEnumerable<DbParameter> parameters, CommandBehavior behavior, CancellationToken ct)
    {
        Add(sql, type, parameters);
        var batch = Take();
        try
        {
            // The queued statements return no rows, so the reader opens on this statement's; "single result" would end it
            // after the first statement of the batch.
            var reader = await batch.ExecuteReaderAsync(behavior & ~(CommandBehavior.SingleResult | CommandBehavior.SingleRow), ct);
            return new ReturningReader(reader, batch.Dispose);
        }
        catch
        {
            await batch.DisposeAsync();
            throw;
        }
    }

    public async Task<object?> ScalarAsync(string sql, CommandType type, IEnumerable<DbParameter> parameters, CancellationToken ct)
    {
        await using var reader = await ReaderAsync(sql, type, parameters, CommandBehavior.Default, ct);
        return await reader.ReadAsync(ct) && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    private DbBatchCommand Add(string sql, CommandType type, IEnumerable<DbParameter> parameters)
    {
        _next ??= connection.CreateBatch();
        var command = _next.CreateBatchCommand();
        command.CommandText = sql;
        command.CommandType = type;
        foreach (var p in parameters)
        {
            command.Parameters.Add(p);
        }

        _next.BatchCommands.Add(command);
        return command;
    }

    private DbBatch Take()
    {
        var batch = _next!;
        _next = null;
        RoundTrips++;
        batch.Transaction = Transaction;
        return batch;
    }

    /// <summary>The pipeline as a connection, for Dapper.</summary>
    private sealed class PipelinedConnection(StatementPipeline pipeline, DbConnection inner, bool deferred) : WriterConnection(inner)
    {
        protected override DbCommand CreateDbCommand() => new PipelinedCommand(pipeline, this, Inner.CreateCommand(), deferred);
    }

    private sealed class PipelinedCommand(StatementPipeline pipeline, DbConnection owner, DbCommand scratch, bool deferred) : WriterCommand(owner, scratch)
    {
        public override int ExecuteNonQuery() => throw Synchronous();

        public override object? ExecuteScalar() => throw Synchronous();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw Synchronous();

        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
        {
            if (!deferred)
            {
                return pipeline.NonQueryAsync(CommandText, CommandType, TakeParameters(), cancellationToken);
            }

            pipeline.Defer(CommandText, CommandType, TakeParameters());
            return Task.FromResult(0);
        }

        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
            deferred ? throw Unread() : pipeline.ScalarAsync(CommandText, CommandType, TakeParameters(), cancellationToken);

        protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
            deferred ? throw Unread() : pipeline.ReaderAsync(CommandText, CommandType, TakeParameters(), behavior, cancellationToken);

        private static NotSupportedException Synchronous() => new("The ingest writer's statements run asynchronously.");

        private static NotSupportedException Unread() => new("Queued statements return nothing; run this one on the pipeline's Reads connection.");
    }
}
