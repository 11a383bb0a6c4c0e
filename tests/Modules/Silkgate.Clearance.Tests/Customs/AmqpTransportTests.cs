using System.Text;
using RabbitMQ.Client;
using Silkgate.Ceb.Reading;
using Silkgate.Clearance.Customs.Transport;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>The AMQP transport against the real RabbitMQ broker, each test on queues and a database of its own.</summary>
public abstract class AmqpTransportTests : IAsyncLifetime
{
    private readonly (string To, string From, string Rejected) _queues = TestAmqp.Queues();
    private ClearanceDb _db = null!;
    private IConnection _broker = null!;
    private IChannel _channel = null!;

    protected abstract ClearanceDb CreateDb();

    public async Task InitializeAsync()
    {
        _db = CreateDb();
        await _db.InitializeAsync();
        _broker = await TestAmqp.ConnectAsync();
        _channel = await _broker.CreateChannelAsync();
        foreach (var queue in new[] { _queues.To, _queues.From, _queues.Rejected })
        {
            await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var queue in new[] { _queues.To, _queues.From, _queues.Rejected })
        {
            await _channel.QueueDeleteAsync(queue);
        }

        await _channel.DisposeAsync();
        await _broker.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_sent_envelope_is_confirmed_and_waits_persistent_in_the_to_customs_queue()
    {
        await using var rig = Rig();
        var (dispatch, _) = await rig.EnqueueListAsync();

        Assert.Equal(1, await rig.Sender.SendDueAsync(default));

        var got = await _channel.BasicGetAsync(_queues.To, autoAck: true);
        Assert.NotNull(got);
        Assert.True(got.BasicProperties.Persistent);
        Assert.Equal(dispatch.MessageGuid, got.BasicProperties.MessageId);
        Assert.Equal("CEB621Message", got.BasicProperties.Type);
        var body = got.Body.ToArray();
        Assert.Empty(DxpSchema.Validate(body));
        Assert.Equal([.. dispatch.Message!, .. TestSigner.Marker], CebReader.Read(body).Envelope!.Message.Data.ToArray());
        Assert.Equal("Sent", (await rig.EntryAsync(dispatch.MessageGuid)).State);
        Assert.Equal("SentToCustoms", await rig.DocumentStatusAsync(dispatch.DocumentId));
    }

    [Fact]
    public async Task An_answer_taken_by_a_consumer_that_dies_before_acking_is_redelivered_and_applied_once()
    {
        var (receipt, envelope) = CustomsRig.Receipt();
        await PublishAnswerAsync(envelope, receipt.Guid);
        await using (var dying = Rig())
        {
            var taken = await dying.Get<ICustomsTransport>().ReceiveAsync(default);
            Assert.NotNull(taken);
            Assert.Equal(0u, await MessageCountAsync(_queues.From));
        }

        await using var rig = Rig();
        Assert.Equal(1, await rig.Receiver.ReceiveWaitingAsync(default));

        Assert.Equal(receipt.Guid, Assert.Single(rig.Sink.Applied).Guid);
        Assert.Equal(0u, await MessageCountAsync(_queues.From));
        Assert.Null(await _channel.BasicGetAsync(_queues.From, autoAck: false));
    }

    [Fact]
    public async Task The_same_answer_delivered_twice_is_applied_once_and_both_are_acked()
    {
        await using var rig = Rig();
        var (receipt, envelope) = CustomsRig.Receipt();
        await PublishAnswerAsync(envelope, receipt.Guid);
        await PublishAnswerAsync(envelope, receipt.Guid);

        Assert.Equal(2, await rig.Receiver.ReceiveWaitingAsync(default));

        Assert.Single(rig.Sink.Applied);
        Assert.Equal(0u, await MessageCountAsync(_queues.From));
    }

    [Fact]
    public async Task An_unreadable_answer_is_dead_lettered_with_its_reason_and_the_next_one_is_applied()
    {
        await using var rig = Rig();
        var (receipt, envelope) = CustomsRig.Receipt();
        await PublishAnswerAsync("<broken"u8.ToArray(), "broken-1");
        await PublishAnswerAsync(envelope, receipt.Guid);

        Assert.Equal(2, await rig.Receiver.ReceiveWaitingAsync(default));

        Assert.Single(rig.Sink.Applied);
        var dead = await _channel.BasicGetAsync(_queues.Rejected, autoAck: true);
        Assert.NotNull(dead);
        Assert.Equal("<broken", Encoding.UTF8.GetString(dead.Body.Span));
        var reason = Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers![AmqpTransport.ReasonHeader]!);
        Assert.Contains("Malformed", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_broker_is_unreachable_sending_is_deferred_and_after_recovery_the_message_arrives_once()
    {
        string guid;
        await using (var outage = Rig("amqp://guest:guest@127.0.0.1:1/"))
        {
            var (dispatch, _) = await outage.EnqueueListAsync();
            guid = dispatch.MessageGuid;
            await outage.Sender.SendDueAsync(default);
            var deferred = await outage.EntryAsync(guid);
            Assert.Equal(("Pending", 1L), (deferred.State, deferred.Attempts));
            Assert.StartsWith("transport:", deferred.LastError, StringComparison.Ordinal);
        }

        await using var recovered = Rig();
        recovered.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await recovered.Sender.SendDueAsync(default));
        Assert.Equal(0, await recovered.Sender.SendDueAsync(default));

        Assert.Equal(1u, await MessageCountAsync(_queues.To));
        Assert.Equal(guid, (await _channel.BasicGetAsync(_queues.To, autoAck: true))!.BasicProperties.MessageId);
        Assert.Equal("Sent", (await recovered.EntryAsync(guid)).State);
    }

    private CustomsRig Rig(string? uri = null) => new(_db, s => TestAmqp.Configure(s, _queues, uri));

    private async Task PublishAnswerAsync(byte[] body, string id) =>
        await _channel.BasicPublishAsync(string.Empty, _queues.From, mandatory: false,
            new BasicProperties { Persistent = true, MessageId = id, Type = "CEB622Message" }, body);

    private async Task<uint> MessageCountAsync(string queue) => (await _channel.QueueDeclarePassiveAsync(queue)).MessageCount;
}

public sealed class AmqpTransportTestsOnSqlite : AmqpTransportTests
{
    protected override ClearanceDb CreateDb() => new SqliteClearanceDb();
}

public sealed class AmqpTransportTestsOnPostgres : AmqpTransportTests
{
    protected override ClearanceDb CreateDb() => new PostgresClearanceDb();
}
