using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Xunit;

namespace Silkgate.Testing;

/// <summary>
/// The real server, in process, on a real database: a fresh SQLite file or a fresh PostgreSQL database per host.
/// Use a concrete <see cref="SqliteHost"/> or <see cref="PostgresHost"/> as a class fixture, and write each test
/// class once as an abstract class with one subclass per database.
/// </summary>
public abstract class PlatformHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _testServices = [];

    protected PlatformHost()
    {
        DataDirectory = Directory.CreateTempSubdirectory("silkgate-test-").FullName;
        _settings["Database:DataDirectory"] = DataDirectory;
        _settings["Platform:Mode"] = nameof(PlatformMode.Production);
        _settings["Clearance:Privacy:HashKey"] = PrivacyHashKey;
        // Demo-mode hosts seed the province only; a test that wants the demo trade sets Demo:Trade:Months.
        _settings["Demo:Trade:Months"] = "0";
    }

    /// <summary>The privacy hash key of test installations (production mode refuses to start without one).</summary>
    public const string PrivacyHashKey = "silkgate-tests-personal-data-key-0123456789";

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Folder for the SQLite file, keys and exchange folders of this host.</summary>
    public string DataDirectory { get; }

    /// <summary>Extra configuration; set before the first client or service is requested.</summary>
    public IDictionary<string, string?> Settings => _settings;

    /// <summary>Service replacements (test doubles of other modules' contracts); add before the first client or service is requested.</summary>
    public IList<Action<IServiceCollection>> TestServices => _testServices;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await CleanUpAsync();
    }

    protected virtual Task CleanUpAsync()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="work"/> in a service scope of the host, as the server would for a request.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(TestActorHandler.Register);
        builder.ConfigureTestServices(services => _testServices.ForEach(configure => configure(services)));
    }
}

public sealed class SqliteHost : PlatformHost
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresHost : PlatformHost
{
    private string? _connectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        Settings["Database:Postgres"] = _connectionString;
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        if (_connectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
        }
    }
}
