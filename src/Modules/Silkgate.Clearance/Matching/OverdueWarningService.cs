using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Outbox;

namespace Silkgate.Clearance.Matching;

/// <summary>
/// Flags sales that wait for their documents longer than <see cref="MatchingOptions.WaitWarningAfter"/>: one scan
/// (<see cref="OverdueWarnings"/>) right after the host started, then every <see cref="MatchingOptions.WarningScanInterval"/>.
/// A failed scan is logged and retried at the next interval; a sale is flagged once.
/// </summary>
internal sealed partial class OverdueWarningService(
    OverdueWarnings warnings, IOptions<MatchingOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<OverdueWarningService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Migrations run while the host starts; the first scan waits for them.
        await OutboxDispatcher.WhenStartedAsync(lifetime, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScanFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.WarningScanInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One scan at the current time; returns the ids of the sales flagged now.</summary>
    public async Task<IReadOnlyList<long>> ScanAsync(CancellationToken ct)
    {
        var flagged = await warnings.RaiseOverdueWarningsAsync(time.GetUtcNow(), ct);
        if (flagged.Count > 0)
        {
            LogFlagged(logger, flagged.Count);
        }

        return flagged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} waiting sale(s) flagged as overdue")]
    private static partial void LogFlagged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue-warning scan failed; it is retried at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
