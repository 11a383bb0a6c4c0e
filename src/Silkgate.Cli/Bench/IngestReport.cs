using System.Globalization;
using System.Text;

namespace Silkgate.Cli.Bench;

/// <summary>One interval of a run: its answers, their latency and the server's memory at its end.</summary>
internal sealed record IntervalLine(double AtSeconds, Percentiles Latency, long Documents, double Seconds, ServerMemory? Memory)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{AtSeconds,7:F0} s] {Latency.Count / Seconds,8:N0} msg/s {Documents / Seconds,9:N0} docs/s  p50 {Latency.P50,7:F1}  p99 {Latency.P99,7:F1}  max {Latency.Max,7:F1} ms{MemoryText}");

    private string MemoryText => Memory is { } m ? string.Create(CultureInfo.InvariantCulture, $"  server RSS {m.RssMiB:N0} MiB (peak {m.PeakMiB:N0})") : "";
}

/// <summary>The result of <c>bench ingest</c>.</summary>
internal sealed record IngestReport(
    long Messages,
    long Documents,
    double Seconds,
    Percentiles Latency,
    long RefusedEntities,
    long Refused900,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorKinds,
    double? OfferedRate,
    int? Concurrency,
    ServerMemory? Memory,
    IReadOnlyList<IntervalLine> Intervals)
{
    public double MessagesPerSecond => Messages / Seconds;

    public double DocumentsPerSecond => Documents / Seconds;

    /// <summary>Documents per second against the floor's on the same messages, when a floor figure is known.</summary>
    public double? FloorDocumentsPerSecond { get; init; }

    /// <summary>CPU time the server process used during the measured part (user + system), when its pid is known.</summary>
    public double? ServerCpuSeconds { get; init; }

    /// <summary>Highest RSS seen at an interval line.</summary>
    public double? PeakIntervalRssMiB { get; init; }

    public string Format()
    {
        var s = new StringBuilder();
        var ic = CultureInfo.InvariantCulture;
        s.AppendLine(ic, $"load: {(OfferedRate is { } r ? $"open loop, {r:N0} messages/s offered" : $"closed loop, {Concurrency} concurrent senders")}");
        s.AppendLine(ic, $"answered: {Messages:N0} messages, {Documents:N0} documents in {Seconds:F2} s");
        s.AppendLine(ic, $"throughput: {MessagesPerSecond:N0} messages/s, {DocumentsPerSecond:N0} documents/s");
        var from = OfferedRate is null ? "" : " (from each message's scheduled send time)";
        s.AppendLine(ic, $"latency ms: p50 {Latency.P50:F1}  p95 {Latency.P95:F1}  p99 {Latency.P99:F1}  max {Latency.Max:F1}{from}");
        s.AppendLine(ic, $"refusals: {RefusedEntities:N0} entities with returnStatus <= 0, {Refused900:N0} CEB900 messages");
        var kinds = ErrorKinds.Count == 0 ? "" : " (" + string.Join(", ", ErrorKinds.Select(k => k.Key + ": " + k.Value.ToString(ic))) + ")";
        s.AppendLine(ic, $"errors: {Errors:N0}{kinds}");
        if (Memory is { } m)
        {
            s.AppendLine(ic, $"server memory: RSS {m.RssMiB:N0} MiB at the end, peak {m.PeakMiB:N0} MiB (VmHWM, since the server started)");
        }

        if (ServerCpuSeconds is { } cpu && cpu > 0)
        {
            // On a shared machine wall-clock throughput moves with the neighbours; CPU per document much less so.
            s.AppendLine(ic, $"server CPU: {cpu:F1} s = {cpu * 1000 / Math.Max(1, Documents):F3} ms per document, {Documents / cpu:N0} documents per CPU-second, {cpu / Seconds:F2} cores busy on average");
        }

        if (FloorDocumentsPerSecond is { } floor)
        {
            s.AppendLine(ic, $"floor: {floor:N0} documents/s; ratio to the floor {DocumentsPerSecond / floor:F2}");
        }

        if (Intervals.Count > 1)
        {
            var first = Intervals[0];
            var last = Intervals[^1];
            var rss = first.Memory is { } a && last.Memory is { } b ? string.Create(ic, $"; RSS {a.RssMiB:N0} -> {b.RssMiB:N0} MiB") : "";
            s.AppendLine(ic, $"drift: p99 {first.Latency.P99:F1} ms in the first interval, {last.Latency.P99:F1} ms in the last, worst {Intervals.Max(i => i.Latency.P99):F1} ms{rss}");
        }

        return s.ToString();
    }
}
