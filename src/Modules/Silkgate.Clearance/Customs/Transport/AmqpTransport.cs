using System.Text;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// RabbitMQ: durable queues, persistent messages, publisher confirms (a send returns once the broker holds it) and manual
/// acks on receive (an answer is acked only after its effect committed, so a consumer that dies leaves it for redelivery).
/// The connection recovers by itself; while the broker is away sends fail and the sender's back-off delays them.
/// </summary>
internal sealed class AmqpTransport(IOptions<CustomsTransportOptions> options) : ICustomsTransport, IAsyncDisposable
{
    public const string ReasonHeader = "x-silkgate-reason";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _publish;
    private IChannel? _consume;

    private AmqpTransportOptions Amqp => options.Value.Amqp;

    public async Task SendAsync(OutgoingEnvelope envelope, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var channel = await PublishChannelAsync(ct);
            await PublishAsync(channel, Amqp.ToCustomsQueue, envelope.MessageGuid, envelope.MessageType, envelope.Bytes, null, ct);
        }
        catch
        {
            await ResetAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IncomingEnvelope?> ReceiveAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _consume ??= await OpenChannelAsync(confirms: false, ct);
            var got = await _consume.BasicGetAsync(Amqp.FromCustomsQueue, autoAck: false, ct);
            if (got is null)
            {
                return null;
            }

            var max = options.Value.Receiving.MaxEnvelopeBytes;
            var refusal = got.Body.Length > max ? $"the message has {got.Body.Length} bytes; at most {max} are taken" : null;
            var name = got.BasicProperties.MessageId is { Length: > 0 } id ? id : $"delivery-{got.DeliveryTag}";
            return new AmqpEnvelope(this, _consume, got.DeliveryTag, name, got.Body.ToArray(), refusal);
        }
        catch
        {
            await ResetAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        _gate.Dispose();
    }

    private async Task<IChannel> PublishChannelAsync(CancellationToken ct) => _publish ??= await OpenChannelAsync(confirms: true, ct);

    private async Task<IChannel> OpenChannelAsync(bool confirms, CancellationToken ct)
    {
        if (_connection is not { IsOpen: true })
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            var factory = new ConnectionFactory
            {
                Uri = new Uri(Amqp.Uri),
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                NetworkRecoveryInterval = TimeSpan.FromSeconds(Amqp.RecoverySeconds),
                ClientProvidedName = "silkgate-customs",
            };
            _connection = await factory.CreateConnectionAsync(ct);
        }

        var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: confirms, publisherConfirmationTrackingEnabled: confirms), ct);
        foreach (var queue in new[] { Amqp.ToCustomsQueue, Amqp.FromCustomsQueue, Amqp.RejectedQueue })
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: ct);
        }

        return channel;
    }

    /// <summary>With confirmation tracking the publish completes only when the broker confirmed it (and throws when it refused or returned it).</summary>
    private static async Task PublishAsync(IChannel channel, string queue, string messageId, string type, ReadOnlyMemory<byte> body,
        IDictionary<string, object?>? headers, CancellationToken ct)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = messageId,
            Type = type,
            ContentType = "application/xml",
            Headers = headers,
        };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body, ct);
    }

    private async Task ResetAsync()
    {
        foreach (var channel in new[] { _publish, _consume })
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }

        (_publish, _consume) = (null, null);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private sealed class AmqpEnvelope(AmqpTransport transport, IChannel channel, ulong tag, string name, ReadOnlyMemory<byte> bytes, string? refusal)
        : IncomingEnvelope(name, bytes, refusal)
    {
        public override Task CompleteAsync(CancellationToken ct) => channel.BasicAckAsync(tag, multiple: false, ct).AsTask();

        /// <summary>Dead-letters by hand: a confirmed copy with the reason goes to the rejected queue before the original is acked.</summary>
        public override async Task RejectAsync(string reason, CancellationToken ct)
        {
            await transport._gate.WaitAsync(ct);
            try
            {
                var publish = await transport.PublishChannelAsync(ct);
                var headers = new Dictionary<string, object?> { [ReasonHeader] = Encoding.UTF8.GetBytes(reason) };
                await PublishAsync(publish, transport.Amqp.RejectedQueue, Name, "rejected", Bytes, headers, ct);
            }
            finally
            {
                transport._gate.Release();
            }

            await channel.BasicAckAsync(tag, multiple: false, ct);
        }

        public override Task AbandonAsync(CancellationToken ct) => channel.BasicNackAsync(tag, multiple: false, requeue: true, ct).AsTask();
    }
}
