using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Silkgate.Kernel.Data.Migrations;

/// <summary>
/// Applies each module's pending scripts in order, one transaction per script, recording module, version and
/// checksum. Safe to run from several processes at once: PostgreSQL takes an advisory lock, SQLite an immediate
/// write lock, and each script is re-checked inside its transaction. An edited, already applied script is an error.
/// </summary>
public sealed class Migrator(Database database, IEnumerable<ModuleMigrations> sources, TimeProvider time, ILogger<Migrator> logger)
{
    private const long AdvisoryLockKey = 0x5111_4a7e_0000_0001;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        var applied = new List<string>();
        await using var connection = await database.OpenAsync(ct);
        var dialect = database.Dialect;
        await InLockedTransactionAsync(connection, dialect, t => connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS silkgate_schema_migrations (module TEXT NOT NULL, version BIGINT NOT NULL, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, version))",
            transaction: t, cancellationToken: ct)), ct);

        foreach (var source in sources)
        {
            foreach (var script in MigrationScript.Load(source, dialect))
            {
                var ran = false;
                await InLockedTransactionAsync(connection, dialect, async t =>
                {
                    var checksum = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                        "SELECT checksum FROM silkgate_schema_migrations WHERE module = @Module AND version = @Version",
                        new { script.Module, Version = (long)script.Version }, t, cancellationToken: ct));
                    if (checksum is not null)
                    {
                        if (checksum != script.Checksum)
                        {
                            throw new InvalidOperationException($"Migration {script.Module} {script.Version:0000}_{script.Name} was changed after it was applied; add a new migration instead.");
                        }

                        return;
                    }

                    await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: t, cancellationToken: ct));
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO silkgate_schema_migrations (module, version, name, checksum, applied_at) VALUES (@Module, @Version, @Name, @Checksum, @At)",
                        new { script.Module, Version = (long)script.Version, script.Name, script.Checksum, At = time.GetUtcNow().ToUnixTimeMilliseconds() },
                        t, cancellationToken: ct));
                    ran = true;
                }, ct);

                if (ran)
                {
                    logger.LogInformation("Applied migration {Module} {Version:0000}_{Name}", script.Module, script.Version, script.Name);
                    applied.Add($"{script.Module} {script.Version:0000}_{script.Name}");
                }
            }
        }

        return applied;
    }

    private static async Task InLockedTransactionAsync(DbConnection connection, SqlDialect dialect, Func<DbTransaction, Task> work, CancellationToken ct)
    {
        // SQLite: BeginTransaction takes BEGIN IMMEDIATE, the database-wide write lock.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        if (dialect.IsPostgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key = AdvisoryLockKey }, transaction, cancellationToken: ct));
        }

        await work(transaction);
        await transaction.CommitAsync(ct);
    }
}
