using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silkgate.Clearance.Ingest;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;

namespace Silkgate.Clearance.Outbox;

/// <summary>
/// Publishes undispatched outbox rows in id order to the in-process <see cref="IIntegrationEventHandler"/>s and marks them
/// dispatched. Delivery is at least once (a crash between handling and marking repeats the event); handlers are idempotent.
/// A failing handler stops the round, so order is kept; the row is retried on the next round.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, Database database, OutboxSignal signal, WalFlusher flusher, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Migrations run while the host starts; the first round waits for them.
        await WhenStartedAsync(lifetime, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Dispatches up to one page of pending events; returns how many were marked dispatched.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            "SELECT id AS Id, type AS Type, payload AS Payload, created_at AS CreatedAt FROM clearance_outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT 1000",
            cancellationToken: ct))).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        // An event is published only once what it reports is on disk (the ingest writer's commits are flushed after it).
        await flusher.FlushedAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<IIntegrationEventHandler>().ToList();
        var done = 0;
        try
        {
            foreach (var row in rows)
            {
                var e = new IntegrationEvent("clearance", row.Id, row.Type, row.Payload, row.CreatedAt);
                foreach (var handler in handlers.Where(h => h.CanHandle(row.Type)))
                {
                    await handler.HandleAsync(e, ct);
                }

                done++;
            }
        }
        finally
        {
            // One statement (one commit) marks everything handled: the page holds the lowest pending ids, so every
            // pending id up to the last handled one was handled in this round.
            if (done > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE clearance_outbox SET dispatched_at = @At WHERE id <= @Last AND dispatched_at IS NULL",
                    new { At = time.GetUtcNow().ToUnixTimeMilliseconds(), Last = rows[done - 1].Id }, cancellationToken: CancellationToken.None));
            }
        }

        return done;
    }

    internal static async Task WhenStartedAsync(IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var b = ct.Register(() => started.TrySetCanceled(ct));
        try
        {
            await started.Task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch round failed; it is retried")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);

    private sealed record OutboxRow(long Id, string Type, string Payload, long CreatedAt);
}
