using Silkgate.Kernel.Data;

namespace Silkgate.Testing;

/// <summary>An empty database of a test class's own: a temporary folder (SQLite) or a new PostgreSQL database.</summary>
public abstract class FreshDatabase
{
    public abstract Task<DatabaseOptions> CreateAsync();

    public abstract Task DropAsync();
}

public sealed class FreshSqliteDatabase(string prefix) : FreshDatabase
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory(prefix);

    public override Task<DatabaseOptions> CreateAsync() => Task.FromResult(new DatabaseOptions { DataDirectory = _folder.FullName });

    public override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class FreshPostgresDatabase : FreshDatabase
{
    private string _connectionString = "";

    public override async Task<DatabaseOptions> CreateAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        return new DatabaseOptions { Postgres = _connectionString };
    }

    public override Task DropAsync() => TestPostgres.DropDatabaseAsync(_connectionString);
}
