using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silkgate.Sandbox.Exchange;

namespace Silkgate.Sandbox.Hosting;

/// <summary>Runs the sandbox's passes every poll interval until the host stops.</summary>
internal sealed partial class SandboxWorker(SandboxEngine engine, SandboxOptions options, TimeProvider time, ILogger<SandboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, engine.Folders.Root);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                engine.RunOnce(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (disk full, state file locked) must not stop the host; the next pass retries.
                LogPassFailed(logger, e);
            }
            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "customs sandbox watching {Root}/to-customs, answering in {Root}/from-customs")]
    private static partial void LogStarted(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "customs sandbox pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
