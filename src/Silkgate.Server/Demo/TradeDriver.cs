using System.Collections.Concurrent;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Simulation;

namespace Silkgate.Server.Demo;

/// <summary>What the gateway answered to the seed's messages.</summary>
/// <param name="Refused">Entities the gateway refused, by returnStatus (e.g. -301010 duplicate order, -621005 over the single limit).</param>
public sealed record DriveCounts(int Messages, int Replayed, int Forbidden, int Failed, IReadOnlyDictionary<string, int> Refused);

/// <summary>
/// Sends the generated messages through the gateway's upload facade (<see cref="IMessageUpload"/>: the same sender
/// check and pipeline as <c>POST /api/v1/ceb/messages</c>), each as its sender's system at its send time. Many messages
/// are in flight, so the single writer commits them in groups; but a message waits for the earlier messages of the same
/// sale and an import list for the earlier lists of the same buyer, so that every sale's documents arrive in the generated (out-of-)order and the
/// buyers' limits are booked in time order.
/// </summary>
internal sealed class TradeDriver(IServiceProvider services, ReplayClock clock, IReadOnlyDictionary<string, Actor> senders, int concurrency, SeedProgressBar progress)
{
    private const int Attempts = 5;

    private readonly ConcurrentDictionary<string, int> _refused = new();
    private int _replayed;
    private int _forbidden;
    private int _failed;

    public async Task<DriveCounts> RunAsync(IReadOnlyList<GeneratedMessage> messages, IReadOnlyDictionary<string, string> buyerOfOrder, CancellationToken ct)
    {
        using var window = new SemaphoreSlim(Math.Max(1, concurrency));
        var last = new Dictionary<string, Task>(StringComparer.Ordinal);
        var running = new List<Task>(messages.Count);
        foreach (var message in messages)
        {
            await window.WaitAsync(ct);
            var keys = Keys(message, buyerOfOrder);
            var before = keys.Select(k => last.GetValueOrDefault(k)).OfType<Task>().Where(t => !t.IsCompleted).ToArray();
            var task = SendAfterAsync(before, message, window, ct);
            foreach (var key in keys)
            {
                last[key] = task;
            }

            running.Add(task);
        }

        await Task.WhenAll(running);
        return new DriveCounts(messages.Count, _replayed, _forbidden, _failed, new Dictionary<string, int>(_refused));
    }

    private static List<string> Keys(GeneratedMessage message, IReadOnlyDictionary<string, string> buyerOfOrder)
    {
        var keys = new List<string>(message.OrderNos.Count * 2);
        foreach (var orderNo in message.OrderNos)
        {
            keys.Add(orderNo);
            // Only lists book the buyer's limits; the buyer's other documents need not wait for each other.
            if (message.MessageType.Kind == Silkgate.Ceb.CebDocumentKind.DeclarationList && buyerOfOrder.TryGetValue(orderNo, out var buyer))
            {
                keys.Add("buyer:" + buyer);
            }
        }

        return keys;
    }

    private async Task SendAfterAsync(Task[] before, GeneratedMessage message, SemaphoreSlim window, CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(before);
            await SendAsync(message, ct);
        }
        finally
        {
            window.Release();
            progress.Advance();
        }
    }

    private async Task SendAsync(GeneratedMessage message, CancellationToken ct)
    {
        if (!senders.TryGetValue(message.SenderCode, out var actor))
        {
            Interlocked.Increment(ref _forbidden);
            return;
        }

        var bytes = message.Bytes.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<SeedActorContext>().Current = actor;
            clock.Pin(message.SendAt);
            var result = await scope.ServiceProvider.GetRequiredService<IMessageUpload>().SubmitAsync(bytes, ct);
            switch (result.Outcome)
            {
                case UploadOutcome.Answered:
                    Tally(result);
                    return;
                case UploadOutcome.Unavailable when attempt < Attempts:
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
                    continue;
                case UploadOutcome.Forbidden:
                    Interlocked.Increment(ref _forbidden);
                    return;
                default:
                    Interlocked.Increment(ref _failed);
                    return;
            }
        }
    }

    private void Tally(UploadResult result)
    {
        if (result.Replayed)
        {
            Interlocked.Increment(ref _replayed);
        }

        if (result.ReceiptType == "CEB900Message")
        {
            Interlocked.Increment(ref _failed);
        }

        foreach (var entity in result.Entities.Where(e => e.Status.StartsWith('-')))
        {
            _refused.AddOrUpdate(entity.Status, 1, (_, n) => n + 1);
        }
    }
}
