using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Silkgate.Clearance.Ingest;

/// <summary>The single writer loop: takes everything pending (up to the batch limits) and commits it as one batch.</summary>
internal sealed class IngestWriterService(IngestPipeline pipeline, BatchWriter writer, IOptions<IngestOptions> options, OutboxSignal outboxSignal,
    CheckpointSignal checkpointSignal) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var batch = new List<PendingIngest>(o.MaxBatchMessages);
        var reader = pipeline.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                long bytes = 0;
                while (batch.Count < o.MaxBatchMessages && (batch.Count == 0 || bytes < o.MaxBatchBytes) && reader.TryRead(out var next))
                {
                    batch.Add(next);
                    bytes += next.Message.Bytes.LongLength;
                }

                // Messages already taken are finished even during shutdown: their senders are waiting for the commit.
                await writer.WriteAsync(batch, CancellationToken.None);
                outboxSignal.Notify();
                checkpointSignal.Notify();
                await writer.CheckpointIfDueAsync(stoppingToken);
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

            await writer.DisposeAsync();
        }
    }
}
