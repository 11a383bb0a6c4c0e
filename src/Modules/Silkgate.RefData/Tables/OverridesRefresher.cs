using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Silkgate.RefData.Tables;

/// <summary>
/// Loads the overrides once the host has started (after start-up migrations), then every minute so that changes
/// made on another node and changes dated in the future take effect.
/// </summary>
internal sealed partial class OverridesRefresher(
    CodeTableStore store, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<OverridesRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (DbException e)
            {
                // The schema may not be migrated yet (MigrateOnStart off); the shipped tables serve meanwhile.
                LogRefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the code table overrides; serving the shipped tables")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
