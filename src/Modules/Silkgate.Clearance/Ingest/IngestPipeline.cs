using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Silkgate.Clearance.Ingest;

/// <summary>A prepared message waiting for the writer, and the answer its receiver awaits.</summary>
internal sealed record PendingIngest(IncomingMessage Message, TaskCompletionSource<IngestAnswer> Completion);

/// <summary>The message could not be made durable (database unavailable, shutting down); the sender should retry.</summary>
internal sealed class IngestUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The bounded queue in front of the single writer. Receivers wait when it is full (back-pressure).</summary>
internal sealed class IngestPipeline(IOptions<IngestOptions> options)
{
    private readonly Channel<PendingIngest> _queue = Channel.CreateBounded<PendingIngest>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<PendingIngest> Reader => _queue.Reader;

    /// <summary>Queues the message and waits until it is committed (or refused by the writer). Cancellation only stops the wait for a queue slot.</summary>
    public async Task<IngestAnswer> SubmitAsync(IncomingMessage message, CancellationToken ct)
    {
        var pending = new PendingIngest(message, new TaskCompletionSource<IngestAnswer>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new IngestUnavailableException("The gateway is shutting down; send the message again.", e);
        }

        return await pending.Completion.Task;
    }

    public void Close() => _queue.Writer.TryComplete();
}
