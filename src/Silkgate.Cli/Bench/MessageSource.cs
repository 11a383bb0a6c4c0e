using System.Threading.Channels;

namespace Silkgate.Cli.Bench;

/// <summary>
/// Hands out the benchmark's messages to many senders: either generated completely before the clock starts (so the
/// generator does not compete with the server for CPU), or generated on the fly a little ahead of the senders (soak
/// runs, which would not fit in memory).
/// </summary>
internal sealed class MessageSource
{
    private readonly BenchMessage[]? _ready;
    private readonly Channel<BenchMessage>? _stream;
    private int _next = -1;

    private MessageSource(BenchMessage[] ready) => _ready = ready;

    private MessageSource(Channel<BenchMessage> stream, Task producer)
    {
        _stream = stream;
        Completion = producer;
    }

    /// <summary>Done when the generator has stopped (always done when pre-generated); await it before reusing what it read from.</summary>
    public Task Completion { get; } = Task.CompletedTask;

    public static MessageSource Pregenerated(IEnumerable<BenchMessage> messages, int count) => new(messages.Take(count).ToArray());

    public static MessageSource Streamed(IEnumerable<BenchMessage> messages, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<BenchMessage>(new BoundedChannelOptions(20_000) { SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var m in messages)
                {
                    await channel.Writer.WriteAsync(m, ct);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
        return new MessageSource(channel, producer);
    }

    /// <summary>The messages generated ahead (all of them when pre-generated).</summary>
    public int Available => _ready?.Length ?? _stream!.Reader.Count;

    /// <summary>The next message, or null when there are no more.</summary>
    public async ValueTask<BenchMessage?> NextAsync(CancellationToken ct)
    {
        if (_ready is not null)
        {
            var i = Interlocked.Increment(ref _next);
            return i < _ready.Length ? _ready[i] : null;
        }

        try
        {
            return await _stream!.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }
}
