using System.Data;
using System.Data.Common;

namespace Silkgate.Kernel.Data;

/// <summary>
/// One connection and at most one transaction per unit of work (a request, a command).
/// Modules share it so that a use case spanning two modules' contracts commits or rolls back as a whole.
/// Not for concurrent use: work that runs in parallel within one request (e.g. two portal components loading at
/// once) takes its own scope (<c>OwningComponentBase</c>), hence its own session.
/// </summary>
public sealed class DbSession(Database database) : IAsyncDisposable
{
    private DbConnection? _connection;
    private List<Func<Task>>? _afterRollback;

    public SqlDialect Dialect => database.Dialect;

    /// <summary>The open transaction, if any; pass it to every command of this session.</summary>
    public DbTransaction? Transaction { get; private set; }

    public async ValueTask<DbConnection> ConnectionAsync(CancellationToken ct) =>
        _connection ??= await database.OpenAsync(ct);

    /// <summary>Runs <paramref name="work"/> in a transaction; nested calls join the outer one.</summary>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Transaction is not null)
        {
            return await work(ct);
        }

        var connection = await ConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        Transaction = transaction;
        try
        {
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            Transaction = null;
            await RunAfterRollbackAsync();
            throw;
        }
        finally
        {
            Transaction = null;
            _afterRollback = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> if the open transaction rolls back (after the rollback, outside any transaction);
    /// for work that must outlast the unit of work it was written in, such as an audit entry.
    /// </summary>
    public void OnRollback(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Transaction is null)
        {
            throw new InvalidOperationException("No transaction is open.");
        }

        (_afterRollback ??= []).Add(action);
    }

    private async Task RunAfterRollbackAsync()
    {
        var actions = _afterRollback;
        _afterRollback = null;
        foreach (var action in actions ?? [])
        {
            await action();
        }
    }

    public Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        InTransactionAsync<bool>(async c => { await work(c); return true; }, ct);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
