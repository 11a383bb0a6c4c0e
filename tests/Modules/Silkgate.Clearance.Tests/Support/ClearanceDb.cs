using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Matching;
using Silkgate.Clearance.Queries;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>
/// A fresh database with the clearance migrations and the module's services, driven the way the gateway's ingest writer
/// drives the processor: one transaction per message, an outbox that collects events.
/// </summary>
public abstract class ClearanceDb : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    internal Database Database { get; private set; } = null!;

    /// <summary>Zone of each sending enterprise, as the gateway's sender check would put on the ingest context.</summary>
    internal Dictionary<long, string> Zones { get; } = [];

    internal SaleQueries Queries => _services.GetRequiredService<SaleQueries>();

    internal OverdueWarnings Warnings => _services.GetRequiredService<OverdueWarnings>();

    /// <summary>Instant the next message is received at, when a test does not give one.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 2, 15, 0, TimeSpan.Zero);

    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = new Database(Options.Create(await CreateDatabaseAsync()));
        await new Migrator(Database, [new ClearanceModule().Migrations], TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(default);
        var services = new ServiceCollection();
        services.AddSingleton(Database);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>();
        new ClearanceModule().AddServices(services, new ConfigurationBuilder()
            .AddInMemoryCollection([new("Clearance:Privacy:HashKey", PlatformHost.PrivacyHashKey)]).Build());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Database.Dispose();
        await DropDatabaseAsync();
    }

    /// <summary>Processes one message in its own transaction, as the ingest writer does.</summary>
    internal async Task<Processed> SendAsync(CebMessage message, long sender = 1, DateTimeOffset? at = null)
    {
        var outbox = new CollectingOutbox();
        await using var connection = await Database.OpenAsync(default);
        await using var transaction = await connection.BeginTransactionAsync();
        var context = new IngestContext(connection, transaction, outbox)
        {
            MessageId = Interlocked.Increment(ref _messageId),
            SenderEnterpriseId = sender,
            SenderZoneCode = Zones.GetValueOrDefault(sender),
            ReceivedAt = (at ?? Now).ToUnixTimeMilliseconds(),
        };
        var outcomes = await _services.GetRequiredService<IDeclarationProcessor>().ProcessAsync(context, message, default);
        await transaction.CommitAsync();
        return new Processed(outcomes, outbox.Events);
    }

    private long _messageId;

    internal async Task<SaleSummary> SaleAsync(Sale sale) =>
        (await Queries.ListSalesAsync(new SaleFilter(OrderNo: sale.OrderNo, Direction: sale.Direction == CebDirection.Import ? "I" : "E"), default)).Items.Single();

    /// <summary>The sale's state, or "None" while no document of it has created it.</summary>
    internal async Task<string> StateAsync(Sale sale) =>
        (await Queries.ListSalesAsync(new SaleFilter(OrderNo: sale.OrderNo, Direction: sale.Direction == CebDirection.Import ? "I" : "E"), default)).Items
            .SingleOrDefault()?.State ?? "None";

    internal async Task<SaleDetail> DetailAsync(Sale sale) => (await Queries.GetSaleAsync((await SaleAsync(sale)).Id, default))!;

    /// <summary>What the customs exchange will do when it sends a document.</summary>
    internal async Task MarkSentAsync(long documentId)
    {
        await using var connection = await Database.OpenAsync(default);
        await DocumentStore.MarkSentToCustomsAsync(connection, null, documentId, Now.ToUnixTimeMilliseconds(), default);
    }
}

internal sealed record Processed(IReadOnlyList<EntityOutcome> Outcomes, IReadOnlyList<(string Type, object Payload)> Events)
{
    public EntityOutcome Single => Outcomes.Single();
}

internal sealed class CollectingOutbox : IOutbox
{
    public List<(string Type, object Payload)> Events { get; } = [];

    public void Add(string eventType, object payload) => Events.Add((eventType, payload));
}

public sealed class SqliteClearanceDb : ClearanceDb
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("silkgate-clearance-");

    protected override Task<DatabaseOptions> CreateDatabaseAsync() => Task.FromResult(new DatabaseOptions { DataDirectory = _folder.FullName });

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresClearanceDb : ClearanceDb
{
    private string _connectionString = "";

    protected override async Task<DatabaseOptions> CreateDatabaseAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        return new DatabaseOptions { Postgres = _connectionString };
    }

    protected override Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(_connectionString);
}
