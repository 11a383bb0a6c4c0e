using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Outbox;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>Polls the transport for customs' answers 7×24; a failing round (transport away, database busy) is logged and retried.</summary>
internal sealed partial class CustomsReceiverService(
    CustomsReceiver receiver, IOptions<CustomsTransportOptions> options, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<CustomsReceiverService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Receiving.Enabled)
        {
            return;
        }

        await OutboxDispatcher.WhenStartedAsync(lifetime, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await receiver.ReceiveWaitingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.Receiving.PollMilliseconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from customs failed; it is retried")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);
}
