using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Testing;

namespace Silkgate.Kernel.Tests.Data;

public abstract class MigratorTests : IAsyncLifetime
{
    private Database _database = null!;

    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync() => _database = new Database(Options.Create(await CreateDatabaseAsync()));

    public async Task DisposeAsync()
    {
        _database.Dispose();
        await DropDatabaseAsync();
    }

    private Migrator NewMigrator() => new(_database, [new ModuleMigrations("test", typeof(MigratorTests).Assembly)], TimeProvider.System, NullLogger<Migrator>.Instance);

    [Fact]
    public async Task Applies_every_script_once_in_version_order()
    {
        var first = await NewMigrator().MigrateAsync(default);
        var second = await NewMigrator().MigrateAsync(default);

        Assert.Equal(["test 0001_create_widgets", "test 0002_add_widget_colour"], first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Uses_the_dialect_specific_script_where_one_exists()
    {
        await NewMigrator().MigrateAsync(default);
        await using var connection = await _database.OpenAsync(default);
        await connection.ExecuteAsync("INSERT INTO test_widgets (name, price) VALUES ('a', 1)");
        var colour = await connection.QuerySingleAsync<string>("SELECT colour FROM test_widgets");
        Assert.Equal(_database.Dialect.IsPostgres ? "blue" : "red", colour);
    }

    [Fact]
    public async Task Refuses_to_run_when_an_applied_script_was_edited()
    {
        await NewMigrator().MigrateAsync(default);
        await using (var connection = await _database.OpenAsync(default))
        {
            await connection.ExecuteAsync("UPDATE silkgate_schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NewMigrator().MigrateAsync(default));
        Assert.Contains("0001_create_widgets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_script_exactly_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => NewMigrator().MigrateAsync(default))));
        Assert.Equal(2, runs.Sum(r => r.Count));
        await using var connection = await _database.OpenAsync(default);
        Assert.Equal(2L, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM silkgate_schema_migrations WHERE module = 'test'"));
    }
}

public sealed class MigratorTestsOnSqlite : MigratorTests
{
    private readonly FreshSqliteDatabase _database = new("silkgate-migrator-");

    protected override Task<DatabaseOptions> CreateDatabaseAsync() => _database.CreateAsync();

    protected override Task DropDatabaseAsync() => _database.DropAsync();
}

public sealed class MigratorTestsOnPostgres : MigratorTests
{
    private readonly FreshPostgresDatabase _database = new();

    protected override Task<DatabaseOptions> CreateDatabaseAsync() => _database.CreateAsync();

    protected override Task DropDatabaseAsync() => _database.DropAsync();
}
