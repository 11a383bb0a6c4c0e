using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The ingest writer's open connection as the declaration processor sees it: Dapper runs its commands on it, and the
/// derived class decides how they reach the database. The writer owns the connection and its transaction, so opening,
/// closing and beginning transactions through this view are refused.
/// </summary>
internal abstract class WriterConnection(DbConnection inner) : DbConnection
{
    protected DbConnection Inner { get; } = inner;

    [AllowNull]
    public override string ConnectionString { get => Inner.ConnectionString; set => throw new NotSupportedException(); }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Close() => throw new NotSupportedException("The writer's connection is closed by the writer.");

    public override void Open()
    {
        if (Inner.State != ConnectionState.Open)
        {
            throw new InvalidOperationException("The writer's connection is not open.");
        }
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        throw new NotSupportedException("The ingest transaction belongs to the batch writer.");
}
