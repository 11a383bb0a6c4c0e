using System.Diagnostics;
using System.Threading.Channels;
using System.Xml;

namespace Silkgate.Cli.Bench;

/// <summary>What the floor measured.</summary>
/// <param name="Latency">Per message, from the start of its read (closed loop) or its due time (open loop) to its release after the fsync.</param>
/// <param name="Fsync">The time of each fsync alone: what the disk adds to every answer, whatever the software.</param>
internal sealed record FloorReport(long Messages, long Documents, double Seconds, long Commits, Percentiles Latency, Percentiles Fsync, double? OfferedRate = null)
{
    public double MessagesPerSecond => Messages / Seconds;

    public double DocumentsPerSecond => Documents / Seconds;

    public override string ToString() =>
        $"floor{(OfferedRate is { } r ? $" at {r:N0} messages/s offered" : "")}: {Messages:N0} messages, {Documents:N0} documents in {Seconds:F2} s = " +
        $"{MessagesPerSecond:N0} messages/s, {DocumentsPerSecond:N0} documents/s ({Commits:N0} fsyncs, {(double)Messages / Math.Max(1, Commits):F1} messages per commit)\n" +
        $"floor latency ms: p50 {Latency.P50:F1}  p95 {Latency.P95:F1}  p99 {Latency.P99:F1}  max {Latency.Max:F1}; " +
        $"fsync ms: p50 {Fsync.P50:F1}  p99 {Fsync.P99:F1}  max {Fsync.Max:F1}";
}

/// <summary>
/// The least any gateway must do for the same messages on this machine: a bare <see cref="XmlReader"/> pass over the
/// bytes (every node, every value fetched) by many concurrent receivers, then a durable append of the bytes by one writer
/// that group-commits like the gateway's (everything pending, up to 512 messages or 8 MiB, then one fsync) and only then
/// releases the receivers. No HTTP, no schema, no database.
/// </summary>
internal static class FloorRunner
{
    private const int MaxBatchMessages = 512;
    private const long MaxBatchBytes = 8L * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false };

    /// <summary>
    /// Closed loop (<paramref name="rate"/> null): <paramref name="concurrency"/> receivers, each takes the next message when
    /// its previous one is durable. Open loop: message i is due at start + i / rate and its latency counts from then, as in
    /// <c>bench ingest --rate</c>: the floor of the answer time at that rate.
    /// </summary>
    public static async Task<FloorReport> RunAsync(IReadOnlyList<BenchMessage> messages, int concurrency, string directory, CancellationToken ct, double? rate = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"floor-{Guid.NewGuid():N}.log");
        var queue = Channel.CreateUnbounded<(BenchMessage Message, TaskCompletionSource Done)>(new UnboundedChannelOptions { SingleReader = true });
        var latency = new double[messages.Count];
        var fsyncs = new List<double>();
        long commits = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
            var writer = Task.Run(async () => commits = await WriteAsync(queue.Reader, file, fsyncs, ct), ct);
            var clock = Stopwatch.StartNew();
            async Task ReceiveAsync(int i, long since)
            {
                var m = messages[i];
                ReadEveryNode(m.Bytes);
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await queue.Writer.WriteAsync((m, done), ct);
                await done.Task;
                latency[i] = Stopwatch.GetElapsedTime(since).TotalMilliseconds;
            }

            if (rate is { } r)
            {
                var start = Stopwatch.GetTimestamp();
                var sent = new List<Task>(messages.Count);
                for (var i = 0; i < messages.Count; i++)
                {
                    var due = start + (long)(i * Stopwatch.Frequency / r);
                    if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { TotalMilliseconds: > 1 } wait)
                    {
                        await Task.Delay(wait, ct);
                    }

                    var index = i;
                    sent.Add(Task.Run(() => ReceiveAsync(index, due), ct));
                }

                await Task.WhenAll(sent);
            }
            else
            {
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < messages.Count)
                    {
                        await ReceiveAsync(i, Stopwatch.GetTimestamp());
                    }
                }, ct)));
            }

            var seconds = clock.Elapsed.TotalSeconds;
            queue.Writer.Complete();
            await writer;
            return new FloorReport(messages.Count, messages.Sum(m => (long)m.Documents), seconds, commits, Percentiles.Of([.. latency]), Percentiles.Of(fsyncs), rate);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> WriteAsync(ChannelReader<(BenchMessage Message, TaskCompletionSource Done)> reader, FileStream file, List<double> fsyncs,
        CancellationToken ct)
    {
        var batch = new List<TaskCompletionSource>(MaxBatchMessages);
        long commits = 0;
        while (await reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            long bytes = 0;
            while (batch.Count < MaxBatchMessages && (batch.Count == 0 || bytes < MaxBatchBytes) && reader.TryRead(out var item))
            {
                await file.WriteAsync(item.Message.Bytes, ct);
                bytes += item.Message.Bytes.Length;
                batch.Add(item.Done);
            }

            var flushing = Stopwatch.GetTimestamp();
            file.Flush(flushToDisk: true);
            fsyncs.Add(Stopwatch.GetElapsedTime(flushing).TotalMilliseconds);
            commits++;
            foreach (var done in batch)
            {
                done.SetResult();
            }
        }

        return commits;
    }

    /// <summary>Reads every node and fetches every text and attribute value, as any consumer that extracts the data must.</summary>
    private static void ReadEveryNode(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                _ = reader.Value;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.MoveToFirstAttribute())
            {
                do
                {
                    _ = reader.Value;
                }
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }
        }
    }
}
