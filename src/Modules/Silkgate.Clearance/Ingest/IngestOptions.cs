namespace Silkgate.Clearance.Ingest;

/// <summary>Configuration section <c>Clearance:Ingest</c>: the single writer's queue and batch sizes.</summary>
internal sealed class IngestOptions
{
    public const string Section = "Clearance:Ingest";

    /// <summary>Messages waiting for the writer; when full, receivers wait (back-pressure) instead of buffering without bound.</summary>
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>Most messages committed in one transaction.</summary>
    public int MaxBatchMessages { get; set; } = 512;

    /// <summary>Most raw bytes committed in one transaction (a batch always takes at least one message).</summary>
    public long MaxBatchBytes { get; set; } = 8L * 1024 * 1024;
}
