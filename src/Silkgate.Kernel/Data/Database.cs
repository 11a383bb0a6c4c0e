using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Silkgate.Kernel.Data;

/// <summary>Opens connections to the configured database (SQLite file or PostgreSQL) with the settings the platform relies on.</summary>
public sealed class Database : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    public Database(IOptions<DatabaseOptions> options)
    {
        var o = options.Value;
        Dialect = SqlDialect.For(o.Provider);
        if (o.Provider == DatabaseProvider.Postgres)
        {
            // Auto-prepare: statements run often (the ingest writer's, per document) are parsed and planned once per
            // connection instead of on every call; a connection string that sets Max Auto Prepare keeps its own value.
            var builder = new NpgsqlConnectionStringBuilder(o.Postgres!);
            if (!o.Postgres!.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 128;
                builder.AutoPrepareMinUsages = 3;
            }

            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
            return;
        }

        if (!string.IsNullOrWhiteSpace(o.Sqlite))
        {
            _sqlite = o.Sqlite;
            return;
        }

        var folder = o.ResolvedDataDirectory;
        Directory.CreateDirectory(folder);
        _sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "silkgate.db"),
            Pooling = true,
        }.ToString();
    }

    public SqlDialect Dialect { get; }

    /// <summary>The full path of the SQLite database file; null on PostgreSQL and for an in-memory database.</summary>
    public string? SqliteFile => _sqlite is null ? null : FileOf(new SqliteConnectionStringBuilder(_sqlite));

    private static string? FileOf(SqliteConnectionStringBuilder b) =>
        b.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(b.DataSource) || b.DataSource == ":memory:" || b.DataSource.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(b.DataSource);

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the single writer; FULL makes every acknowledged commit survive power loss.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=15000;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>True when a trivial query succeeds; used by <c>/health</c>.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose() => _postgres?.Dispose();
}
