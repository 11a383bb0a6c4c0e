namespace Silkgate.Kernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Database</c>. SQLite under <see cref="DataDirectory"/> unless a PostgreSQL connection string is given.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>PostgreSQL connection string; when set, PostgreSQL is used instead of the embedded SQLite file.</summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// Folder for the embedded database file and other local state (keys, exchange folders); created on first run.
    /// Defaults to <c>silkgate</c> under the user's local application data, so that the server and the CLI agree
    /// wherever they are started from.
    /// </summary>
    public string? DataDirectory { get; set; }

    public string ResolvedDataDirectory => string.IsNullOrWhiteSpace(DataDirectory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "silkgate")
        : Path.GetFullPath(DataDirectory);

    /// <summary>Full SQLite connection string; overrides the file under <see cref="DataDirectory"/>.</summary>
    public string? Sqlite { get; set; }

    public DatabaseProvider Provider => string.IsNullOrWhiteSpace(Postgres) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
}
