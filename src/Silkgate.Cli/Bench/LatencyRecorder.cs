namespace Silkgate.Cli.Bench;

/// <summary>Latency percentiles of a set of samples (milliseconds).</summary>
internal sealed record Percentiles(long Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        samples.Sort();
        return new Percentiles(samples.Count, At(samples, 0.50), At(samples, 0.95), At(samples, 0.99), samples[^1]);
    }

    /// <summary>Nearest-rank percentile: the smallest sample with at least <paramref name="q"/> of the samples at or below it.</summary>
    private static double At(List<double> sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// Collects answer times and outcomes from many senders: every sample for the whole run, and the samples since the last
/// interval cut for per-interval drift. Samples are few enough (thousands a second) for a lock and plain lists.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _all = [];
    private List<double> _interval = [];
    private long _documents;
    private long _intervalDocuments;

    public long Errors { get; private set; }

    public long RefusedEntities { get; private set; }

    public long Refused900 { get; private set; }

    public Dictionary<string, long> ErrorKinds { get; } = new(StringComparer.Ordinal);

    public void Answered(double milliseconds, int documents, ReceiptTally tally)
    {
        lock (_gate)
        {
            _all.Add(milliseconds);
            _interval.Add(milliseconds);
            _documents += documents;
            _intervalDocuments += documents;
            RefusedEntities += tally.RefusedEntities;
            Refused900 += tally.Is900 ? 1 : 0;
        }
    }

    public void Failed(double milliseconds, string kind)
    {
        lock (_gate)
        {
            _all.Add(milliseconds);
            _interval.Add(milliseconds);
            Errors++;
            ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>The samples since the previous cut, and the documents they carried.</summary>
    public (Percentiles Latency, long Documents) Cut()
    {
        List<double> taken;
        long documents;
        lock (_gate)
        {
            (taken, _interval) = (_interval, []);
            (documents, _intervalDocuments) = (_intervalDocuments, 0);
        }

        return (Percentiles.Of(taken), documents);
    }

    public (Percentiles Latency, long Documents) Total()
    {
        lock (_gate)
        {
            return (Percentiles.Of([.. _all]), _documents);
        }
    }
}
