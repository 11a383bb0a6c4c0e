using System.Data.Common;
using Dapper;
using Npgsql;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Ingest;

/// <summary>The PostgreSQL writer's pipeline: queued statements keep their order and their errors, and cost no round trip of their own.</summary>
public sealed class StatementPipelineTests(PostgresClearanceDb db) : IClassFixture<PostgresClearanceDb>
{
    [Fact]
    public async Task Queued_writes_wait_for_the_next_read_and_that_read_sees_them_in_order()
    {
        await using var s = await PipeAsync("id INT PRIMARY KEY, word TEXT");
        var (connection, transaction, pipeline) = (s.Connection, s.Transaction, s.Pipeline);

        await pipeline.Writes.ExecuteAsync("INSERT INTO pipe VALUES (@id, @word)", new { id = 1, word = "first" }, transaction);
        await pipeline.Writes.ExecuteAsync("INSERT INTO pipe VALUES (@id, @word)", new[] { new { id = 2, word = "second" }, new { id = 3, word = "third" } }, transaction);
        await pipeline.Writes.ExecuteAsync("UPDATE pipe SET word = word || '!' WHERE id = 1", transaction: transaction);
        Assert.Equal(4, pipeline.Queued);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pipe", transaction: transaction));

        var words = (await pipeline.Reads.QueryAsync<string>("SELECT word FROM pipe ORDER BY id", transaction: transaction)).ToList();

        Assert.Equal(["first!", "second", "third"], words);
        Assert.Equal(0, pipeline.Queued);
    }

    [Fact]
    public async Task A_statement_run_with_queued_ones_returns_its_own_row_count_and_scalar()
    {
        await using var s = await PipeAsync("id INT PRIMARY KEY");
        var (connection, transaction, pipeline) = (s.Connection, s.Transaction, s.Pipeline);

        await pipeline.Writes.ExecuteAsync("INSERT INTO pipe SELECT g FROM generate_series(1, 5) g", transaction: transaction);
        var updated = await pipeline.Reads.ExecuteAsync("UPDATE pipe SET id = id + 10 WHERE id <= 2", transaction: transaction);
        await pipeline.Writes.ExecuteAsync("DELETE FROM pipe WHERE id = 3", transaction: transaction);
        var inserted = await pipeline.Reads.ExecuteScalarAsync<long>("INSERT INTO pipe VALUES (100) RETURNING id * 2", transaction: transaction);

        Assert.Equal(2, updated);
        Assert.Equal(200, inserted);
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pipe", transaction: transaction));
    }

    [Fact]
    public async Task An_error_of_a_queued_statement_surfaces_at_the_flush_and_nothing_after_it_runs()
    {
        await using var s = await PipeAsync("id INT PRIMARY KEY");
        var (connection, transaction, pipeline) = (s.Connection, s.Transaction, s.Pipeline);
        await transaction.SaveAsync("before");

        await pipeline.Writes.ExecuteAsync("INSERT INTO pipe VALUES (1)", transaction: transaction);
        await pipeline.Writes.ExecuteAsync("INSERT INTO pipe VALUES (1)", transaction: transaction);
        await pipeline.Writes.ExecuteAsync("INSERT INTO pipe VALUES (2)", transaction: transaction);

        var e = await Assert.ThrowsAsync<PostgresException>(() => pipeline.FlushAsync(default));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);
        await transaction.RollbackAsync("before");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pipe", transaction: transaction));
    }

    [Fact]
    public async Task A_statement_that_returns_rows_cannot_be_queued_and_discarded_statements_never_run()
    {
        await using var s = await PipeAsync("id INT PRIMARY KEY");
        var (connection, transaction, pipeline) = (s.Connection, s.Transaction, s.Pipeline);

        await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.Writes.ExecuteAsync("INSERT INTO pipe VALUES (1) RETURNING id", transaction: transaction));
        await Assert.ThrowsAsync<NotSupportedException>(() => pipeline.Writes.QueryAsync<int>("SELECT id FROM pipe", transaction: transaction));
        await pipeline.Writes.ExecuteAsync("INSERT INTO pipe VALUES (7)", transaction: transaction);
        pipeline.Discard();

        Assert.Equal(0, await pipeline.Reads.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pipe", transaction: transaction));
    }

    /// <summary>A connection in a transaction, its pipeline, and a temporary table <c>pipe</c> with these columns.</summary>
    private async Task<Session> PipeAsync(string columns)
    {
        var connection = await db.Database.OpenAsync(default);
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync($"CREATE TEMP TABLE pipe ({columns})", transaction: transaction);
        return new Session(connection, transaction, new StatementPipeline(connection) { Transaction = transaction });
    }

    private sealed record Session(DbConnection Connection, DbTransaction Transaction, StatementPipeline Pipeline) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
