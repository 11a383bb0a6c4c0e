using Npgsql;

namespace Silkgate.Testing;

/// <summary>Where the PostgreSQL used by tests lives; <c>build/test.sh</c> installs, starts and exports it.</summary>
public static class TestPostgres
{
    public const string Variable = "SILKGATE_TEST_POSTGRES";

    /// <summary>The admin connection string. Absent configuration is an error, not a skip: both databases are always tested.</summary>
    public static string AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException($"PostgreSQL for tests is not configured: set {Variable} (build/test.sh does this) to an admin connection string.");

    /// <summary>Creates an empty database for one test host and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"silkgate_test_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
