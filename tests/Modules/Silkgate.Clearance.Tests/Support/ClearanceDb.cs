using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Dapper;
using Silkgate.Clearance.Customs;
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

    /// <summary>What declaration processing handed to the customs queue, in order.</summary>
    internal RecordingCustomsQueue Queue { get; } = new();

    /// <summary>Configuration of the module (e.g. <c>Clearance:Returns:*</c>); set before the fixture initializes.</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    internal T Service<T>() where T : notnull => _services.GetRequiredService<T>();

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
            .AddInMemoryCollection([new("Clearance:Privacy:HashKey", PlatformHost.PrivacyHashKey)])
            .AddInMemoryCollection(Settings).Build());
        services.AddSingleton<ICustomsQueue>(Queue);
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
        var (messageId, raw) = await StoreRawAsync(connection, transaction, message, sender, (at ?? Now).ToUnixTimeMilliseconds());
        var context = new IngestContext(connection, transaction, outbox)
        {
            MessageId = messageId,
            // As the gateway's preparer does on the receiving thread (every entity here passed the business checks).
            Dispatches = Silkgate.Clearance.Customs.Declaring.DispatchBuilder.Prepare(message, raw, enveloped: false, _ => false),
            Documents = _services.GetRequiredService<Silkgate.Clearance.Declarations.DocumentDecoder>().Decode(message),
            SenderEnterpriseId = sender,
            SenderZoneCode = Zones.GetValueOrDefault(sender),
            ReceivedAt = (at ?? Now).ToUnixTimeMilliseconds(),
        };
        var outcomes = await _services.GetRequiredService<IDeclarationProcessor>().ProcessAsync(context, message, default);
        await transaction.CommitAsync();
        return new Processed(outcomes, outbox.Events);
    }

    /// <summary>The raw message in the evidence store, as the ingest writer stores it before the processor runs.</summary>
    private static async Task<(long Id, byte[] Raw)> StoreRawAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CebMessage message, long sender, long at)
    {
        // The samples share one message guid; every stored message is a message of its own.
        message.Guid = CebMessage.NewGuid();
        var raw = Silkgate.Ceb.Writing.CebWriter.ToBytes(message);
        var seq = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(seq), 0) + 1 FROM clearance_messages", transaction: transaction);
        return (await connection.ExecuteScalarAsync<long>(
            "INSERT INTO clearance_messages (seq, received_at, sender_enterprise_id, channel, message_guid, message_type, size_bytes, outcome, sha256, chain_hash, raw) " +
            "VALUES (@seq, @at, @sender, 'Http', @guid, @type, @size, 'Answered', 'test', 'test', @raw) RETURNING id",
            new { seq, at, sender, guid = message.Guid, type = message.MessageType.RootName, size = (long)raw.Length, raw }, transaction), raw);
    }

    /// <summary>The bytes a dispatch sends: its own, or those of the stored message it refers to.</summary>
    internal async Task<byte[]> BytesOfAsync(CustomsDispatch dispatch)
    {
        if (dispatch.Message is { } own)
        {
            Assert.Null(dispatch.ReceivedMessageId);
            return own;
        }

        await using var connection = await Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<byte[]>("SELECT raw FROM clearance_messages WHERE id = @id", new { id = dispatch.ReceivedMessageId })
            ?? throw new InvalidOperationException($"no stored message {dispatch.ReceivedMessageId}");
    }

    /// <summary>Applies a customs receipt through the module's sink in its own transaction, as the transport's receiver does.</summary>
    internal async Task<IReadOnlyList<(string Type, string Payload)>> ReceiveAsync(CebMessage receipt, DateTimeOffset? at = null)
    {
        await using var connection = await Database.OpenAsync(default);
        var before = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM clearance_outbox");
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var raw = Silkgate.Ceb.Writing.CebWriter.ToBytes(receipt);
            await Service<ICustomsReceiptSink>().ApplyAsync(connection, transaction, receipt, raw, (at ?? Now).ToUnixTimeMilliseconds(), default);
            await transaction.CommitAsync();
        }

        return (await connection.QueryAsync<(string, string)>("SELECT type, payload FROM clearance_outbox WHERE id > @before ORDER BY id", new { before })).ToList();
    }

    /// <summary>A document's row as the customs records facade reads it.</summary>
    internal async Task<Contracts.DocumentCustomsStatus> DocumentAsync(long id) => (await Service<Contracts.ICustomsRecords>().DocumentStatusAsync(id, default))!;

    internal async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var connection = await Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    /// <summary>The receipts feed of an enterprise: (type, bytes) in cursor order.</summary>
    internal async Task<IReadOnlyList<(string Type, byte[] Bytes)>> FeedAsync(long enterpriseId)
    {
        await using var connection = await Database.OpenAsync(default);
        return (await connection.QueryAsync<(string, byte[])>("SELECT receipt_type, receipt_bytes FROM clearance_receipts WHERE enterprise_id = @enterpriseId ORDER BY id",
            new { enterpriseId })).ToList();
    }

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

/// <summary>The customs queue as a recorder: what was enqueued, in order (the transport's own queue is tested on its own).</summary>
internal sealed class RecordingCustomsQueue : ICustomsQueue
{
    private readonly List<CustomsDispatch> _dispatches = [];

    public IReadOnlyList<CustomsDispatch> Dispatches { get { lock (_dispatches) { return _dispatches.ToList(); } } }

    public Task EnqueueAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CustomsDispatch dispatch, CancellationToken ct)
    {
        lock (_dispatches)
        {
            _dispatches.Add(dispatch);
        }

        return Task.CompletedTask;
    }

    public Task EnqueueSaleAsync(IngestContext c, IReadOnlyList<CustomsDispatch> dispatches, string? zoneCode, CancellationToken ct)
    {
        lock (_dispatches)
        {
            _dispatches.AddRange(dispatches);
        }

        return Task.CompletedTask;
    }
}

internal sealed class CollectingOutbox : IOutbox
{
    public List<(string Type, object Payload)> Events { get; } = [];

    public void Add(string eventType, object payload) => Events.Add((eventType, payload));
}

public sealed class SqliteClearanceDb : ClearanceDb
{
    private readonly FreshSqliteDatabase _database = new("silkgate-clearance-");

    protected override Task<DatabaseOptions> CreateDatabaseAsync() => _database.CreateAsync();

    protected override Task DropDatabaseAsync() => _database.DropAsync();
}

public sealed class PostgresClearanceDb : ClearanceDb
{
    private readonly FreshPostgresDatabase _database = new();

    protected override Task<DatabaseOptions> CreateDatabaseAsync() => _database.CreateAsync();

    protected override Task DropDatabaseAsync() => _database.DropAsync();
}
