using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Outbox;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>Runs the sender 7×24: woken by every enqueue and retry, polling as a fallback (and to pick up deferred entries).</summary>
internal sealed partial class CustomsSenderService(
    CustomsSender sender, CustomsSignal signal, IOptions<CustomsTransportOptions> options, IHostApplicationLifetime lifetime,
    ILogger<CustomsSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Sending.Enabled)
        {
            return;
        }

        await OutboxDispatcher.WhenStartedAsync(lifetime, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await sender.SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.Sending.PollMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customs sending round failed; it is retried")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);
}
