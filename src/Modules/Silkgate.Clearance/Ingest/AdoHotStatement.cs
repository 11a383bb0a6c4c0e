using System.Data;
using System.Data.Common;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// A <see cref="HotStatement"/> on PostgreSQL: positional parameters of the provider's own type. In the writer it runs
/// through the <see cref="StatementPipeline"/> (a statement whose result is not read is queued); elsewhere it is a
/// command of the caller's connection and transaction. PostgreSQL prepares it itself (auto-prepare).
/// </summary>
internal sealed class AdoHotStatement(HotSql sql, DbConnection connection, DbTransaction? transaction, StatementPipeline? pipeline) : HotStatement
{
    private readonly List<DbParameter> _values = [];
    private readonly DbProviderFactory _provider = DbProviderFactories.GetFactory(connection)
        ?? throw new InvalidOperationException("The connection names no provider factory.");

    public override HotStatement Add(long value) => Value(DbType.Int64, value);

    public override HotStatement Add(long? value) => Value(DbType.Int64, value);

    public override HotStatement Add(string? value) => Value(DbType.String, value);

    public override HotStatement Add(byte[]? value) => Value(DbType.Binary, value);

    public override async ValueTask RunAsync(CancellationToken ct)
    {
        if (pipeline is not null)
        {
            pipeline.Defer(sql.Text, CommandType.Text, Take());
            return;
        }

        await using var command = Command();
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask<int> CountAsync(CancellationToken ct)
    {
        if (pipeline is not null)
        {
            return await pipeline.NonQueryAsync(sql.Text, CommandType.Text, Take(), ct);
        }

        await using var command = Command();
        return await command.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask<HotRows> QueryAsync(CancellationToken ct)
    {
        if (pipeline is not null)
        {
            return new Rows(await pipeline.ReaderAsync(sql.Text, CommandType.Text, Take(), CommandBehavior.Default, ct), null);
        }

        var command = Command();
        try
        {
            return new Rows(await command.ExecuteReaderAsync(ct), command);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    public override string ToString() => sql.Text;

    private AdoHotStatement Value(DbType type, object? value)
    {
        var p = _provider.CreateParameter() ?? throw new InvalidOperationException("The provider makes no parameters.");
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        _values.Add(p);
        return this;
    }

    private DbParameter[] Take()
    {
        var values = _values.ToArray();
        _values.Clear();
        return values;
    }

    private DbCommand Command()
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are constants of the module; values travel as parameters.
        command.CommandText = sql.Text;
#pragma warning restore CA2100
        command.Transaction = transaction;
        command.Parameters.AddRange(Take());
        return command;
    }

    private sealed class Rows(DbDataReader reader, DbCommand? command) : HotRows
    {
        public override async ValueTask<bool> ReadAsync(CancellationToken ct) => await reader.ReadAsync(ct);

        public override bool IsNull(int column) => reader.IsDBNull(column);

        public override long Int64(int column) => reader.GetInt64(column);

        public override string Text(int column) => reader.GetString(column);

        public override byte[] Blob(int column) => (byte[])reader.GetValue(column);

        public override async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }
}
