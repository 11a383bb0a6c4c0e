using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Samples;
using Silkgate.Clearance.Customs;
using Silkgate.Clearance.Customs.Transport;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>
/// The module's customs transport on a test database: its own exchange folder (or AMQP queues), a fake clock, a test
/// signer and a recording receipt sink (the real ones are other helpers' work). Sender and receiver are driven by hand.
/// </summary>
internal sealed class CustomsRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CustomsRig(ClearanceDb db, Action<IDictionary<string, string?>>? settings = null, Func<IServiceProvider, ICustomsTransport>? transport = null)
    {
        Db = db;
        Root = Directory.CreateTempSubdirectory("silkgate-customs-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Clearance:Customs:Directory:Root"] = Root,
            ["Clearance:Customs:Sending:BaseDelaySeconds"] = "2",
            ["Clearance:Customs:Sending:MaxDelaySeconds"] = "60",
        };
        settings?.Invoke(values);
        var services = new ServiceCollection();
        services.AddSingleton(db.Database);
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>();
        new ClearanceModule().AddServices(services, new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddSingleton<ICustomsSigner>(Signer);
        services.AddSingleton<ICustomsReceiptSink>(Sink);
        if (transport is not null)
        {
            services.AddSingleton(transport);
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Sender.Jitter = () => 1.0;
    }

    public ClearanceDb Db { get; }

    public string Root { get; }

    public string ToCustoms => Path.Combine(Root, "to-customs");

    public string FromCustoms => Path.Combine(Root, "from-customs");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 2, 15, 0, TimeSpan.Zero));

    public TestSigner Signer { get; } = new();

    public RecordingSink Sink { get; } = new();

    public CustomsSender Sender => _services.GetRequiredService<CustomsSender>();

    public CustomsReceiver Receiver => _services.GetRequiredService<CustomsReceiver>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Enqueues in a transaction of its own, as declaration processing will in the ingest transaction.</summary>
    public async Task EnqueueAsync(CustomsDispatch dispatch)
    {
        await using var connection = await Db.Database.OpenAsync(default);
        await using var transaction = await connection.BeginTransactionAsync();
        await Get<ICustomsQueue>().EnqueueAsync(connection, transaction, dispatch, default);
        await transaction.CommitAsync();
    }

    /// <summary>A declared import sale's list, stored by the real declaration processor, enqueued for customs.</summary>
    public async Task<(CustomsDispatch Dispatch, CebMessage List)> EnqueueListAsync(long sender = 1)
    {
        var sale = new Sale(CebDirection.Import, "9610");
        var list = sale.ImportList();
        list.Guid = CebMessage.NewGuid();
        await Db.SendAsync(list, sender);
        var document = (await Db.DetailAsync(sale)).Timeline.Single(t => t.Kind == nameof(CebDocumentKind.DeclarationList));
        var dispatch = new CustomsDispatch(document.DocumentId, sender, list.MessageType.RootName, list.Guid, Messages.Bytes(list));
        await EnqueueAsync(dispatch);
        return (dispatch, list);
    }

    /// <summary>
    /// As <see cref="EnqueueListAsync"/>, but the entry refers to the stored message the list arrived in, as the gateway
    /// enqueues a document that was the only entity of its message; also returns the stored bytes.
    /// </summary>
    public async Task<(CustomsDispatch Dispatch, byte[] Stored)> EnqueueListAsReceivedAsync(long sender = 1)
    {
        var sale = new Sale(CebDirection.Import, "9610");
        var list = sale.ImportList();
        list.Guid = CebMessage.NewGuid();
        await Db.SendAsync(list, sender);
        var document = (await Db.DetailAsync(sale)).Timeline.Single(t => t.Kind == nameof(CebDocumentKind.DeclarationList));
        await using var connection = await Db.Database.OpenAsync(default);
        var (messageId, raw) = await connection.QuerySingleAsync<(long, byte[])>(
            "SELECT m.id, m.raw FROM clearance_documents d JOIN clearance_messages m ON m.id = d.message_id WHERE d.id = @id", new { id = document.DocumentId });
        var dispatch = new CustomsDispatch(document.DocumentId, sender, list.MessageType.RootName, list.Guid, Message: null, ReceivedMessageId: messageId);
        await EnqueueAsync(dispatch);
        return (dispatch, raw);
    }

    public async Task<QueueRow> EntryAsync(string guid)
    {
        await using var connection = await Db.Database.OpenAsync(default);
        return await connection.QuerySingleAsync<QueueRow>(
            "SELECT id AS Id, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, sent_at AS SentAt, zone_code AS ZoneCode " +
            "FROM clearance_customs_queue WHERE message_guid = @guid", new { guid });
    }

    public async Task<string> DocumentStatusAsync(long documentId)
    {
        await using var connection = await Db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM clearance_documents WHERE id = @documentId", new { documentId }) ?? "";
    }

    public async Task<long> StoredReceiptsAsync(string guid)
    {
        await using var connection = await Db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clearance_customs_receipts WHERE receipt_guid = @guid", new { guid });
    }

    public string[] SentFiles() => Directory.Exists(ToCustoms) ? Directory.GetFiles(ToCustoms).Select(f => Path.GetFileName(f)).ToArray() : [];

    /// <summary>Customs' answer to a list, enveloped as customs sends it (sender and receiver swapped).</summary>
    public static (CebMessage Receipt, byte[] Envelope) Receipt(string? guid = null)
    {
        var receipt = CebSamples.Create(CebMessageType.Ceb622);
        receipt.Guid = guid ?? CebMessage.NewGuid();
        var envelope = DxpWriter.ToBytes(DxpWriter.Wrap(receipt, "DXPEDCCEB0000002", [CustomsTransportOptions.DefaultDxpId]));
        return (receipt, envelope);
    }

    /// <summary>Puts an answer into from-customs the way the other side must: a temp name, then a rename.</summary>
    public async Task<string> DropAnswerAsync(byte[] envelope, string name)
    {
        Directory.CreateDirectory(FromCustoms);
        var temp = Path.Combine(FromCustoms, $".{name}.tmp");
        await File.WriteAllBytesAsync(temp, envelope);
        var target = Path.Combine(FromCustoms, name + ".xml");
        File.Move(temp, target);
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record QueueRow(long Id, string State, long Attempts, long NextAttemptAt, string? LastError, long? SentAt, string? ZoneCode);

/// <summary>Stands in for the signing helper: "signs" by appending a marker comment, refuses the enterprises it is told to.</summary>
internal sealed class TestSigner : ICustomsSigner
{
    public static readonly byte[] Marker = "<!--signed-by-test-->"u8.ToArray();

    public HashSet<long> Refused { get; } = [];

    public int Calls { get; private set; }

    public Task<CustomsSignResult> SignForCustomsAsync(long enterpriseId, byte[] message, CancellationToken ct)
    {
        Calls++;
        return Task.FromResult(Refused.Contains(enterpriseId)
            ? new CustomsSignResult(null, "-621028", "no valid certificate or deposited key for this enterprise")
            : new CustomsSignResult([.. message, .. Marker]));
    }
}

/// <summary>Stands in for the lifecycle helper: records every receipt applied; can be told to fail the next call.</summary>
internal sealed class RecordingSink : ICustomsReceiptSink
{
    public List<(string Type, string Guid, byte[] Raw)> Applied { get; } = [];

    public bool FailNext { get; set; }

    public Task ApplyAsync(DbConnection connection, DbTransaction transaction, CebMessage receipt, ReadOnlyMemory<byte> raw, long receivedAt, CancellationToken ct)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("the sink failed on purpose");
        }

        lock (Applied)
        {
            Applied.Add((receipt.MessageType.RootName, receipt.Guid, raw.ToArray()));
        }

        return Task.CompletedTask;
    }
}
