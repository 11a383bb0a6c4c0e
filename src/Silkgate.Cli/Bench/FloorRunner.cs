using System.Diagnostics;
using System.Threading.Channels;
using System.Xml;

namespace Silkgate.Cli.Bench;

/// <summary>What the floor measured.</summary>
internal sealed record FloorReport(long Messages, long Documents, double Seconds, long Commits)
{
    public double MessagesPerSecond => Messages / Seconds;

    public double DocumentsPerSecond => Documents / Seconds;

    public override string ToString() =>
        $"floor: {Messages:N0} messages, {Documents:N0} documents in {Seconds:F2} s = {MessagesPerSecond:N0} messages/s, {DocumentsPerSecond:N0} documents/s " +
        $"({Commits:N0} fsyncs, {(double)Messages / Math.Max(1, Commits):F1} messages per commit)";
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

    public static async Task<FloorReport> RunAsync(IReadOnlyList<BenchMessage> messages, int concurrency, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"floor-{Guid.NewGuid():N}.log");
        var queue = Channel.CreateUnbounded<(BenchMessage Message, TaskCompletionSource Done)>(new UnboundedChannelOptions { SingleReader = true });
        long commits = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
            var writer = Task.Run(async () => commits = await WriteAsync(queue.Reader, file, ct), ct);
            var next = -1;
            var clock = Stopwatch.StartNew();
            var receivers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < messages.Count)
                {
                    var m = messages[i];
                    ReadEveryNode(m.Bytes);
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    await queue.Writer.WriteAsync((m, done), ct);
                    await done.Task;
                }
            }, ct)).ToArray();
            await Task.WhenAll(receivers);
            var seconds = clock.Elapsed.TotalSeconds;
            queue.Writer.Complete();
            await writer;
            return new FloorReport(messages.Count, messages.Sum(m => (long)m.Documents), seconds, commits);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> WriteAsync(ChannelReader<(BenchMessage Message, TaskCompletionSource Done)> reader, FileStream file, CancellationToken ct)
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

            file.Flush(flushToDisk: true);
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
