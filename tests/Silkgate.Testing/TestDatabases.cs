using Npgsql;

namespace Silkgate.Testing;

/// <summary>Where the PostgreSQL used by tests lives; <c>build/test.sh</c> installs, starts and exports it.</summary>
public static class TestPostgres
{
    public const string Variable = "SILKGATE_TEST_POSTGRES";

    /// <summary>The role build/test.sh creates on the local cluster; used when the variable is not set.</summary>
    public const string LocalDefault = "Host=127.0.0.1;Port=5432;Username=silkgate;Password=silkgate;Database=postgres";

    /// <summary>The admin connection string. An unreachable server fails the test, never skips it: both databases are always tested.</summary>
    public static string AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : LocalDefault;

    /// <summary>Creates an empty database for one test host and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"silkgate_test_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            try
            {
                await admin.OpenAsync();
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException($"PostgreSQL for tests is not reachable; run `bash build/test.sh` (it starts it) or set {Variable}.", e);
            }

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
