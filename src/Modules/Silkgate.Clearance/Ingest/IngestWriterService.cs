using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Silkgate.Clearance.Ingest;

/// <summary>The single writer loop: takes everything pending (up to the batch limits) and commits it as one batch.</summary>
internal sealed class IngestWriterService(IngestPipeline pipeline, BatchWriter writer, IOptions<IngestOptions> options, OutboxSignal outboxSignal,
    CheckpointSignal checkpointSignal, WalFlusher flusher) : BackgroundService
{
    /// <summary>
    /// On a thread of its own: the writer's database calls block (SQLite's async methods are synchronous), and on two
    /// cores a thread-pool thread held by the writer is one of the two the request threads start with.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var batch = new List<PendingIngest>(o.MaxBatchMessages);
        var reader = pipeline.Reader;
        try
        {
            while (reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                long bytes = 0;
                while (batch.Count < o.MaxBatchMessages && (batch.Count == 0 || bytes < o.MaxBatchBytes) && reader.TryRead(out var next))
                {
                    batch.Add(next);
                    bytes += next.Message.Bytes.LongLength;
                }

                // Messages already taken are finished even during shutdown: their senders are waiting for the commit.
                writer.WriteAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
                outboxSignal.Notify();
                checkpointSignal.Notify();
                writer.CheckpointIfDueAsync(stoppingToken).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            pipeline.Close();
            while (reader.TryRead(out var left))
            {
                left.Completion.TrySetException(new IngestUnavailableException("The gateway is shutting down; send the message again."));
            }

            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            // The last batches' senders wait for their fsync.
            flusher.Drain();
        }
    }
}
