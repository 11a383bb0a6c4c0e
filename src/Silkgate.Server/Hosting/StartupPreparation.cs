using Microsoft.Extensions.Options;
using Silkgate.Kernel.Modules;
using Silkgate.Server.Demo;

namespace Silkgate.Server.Hosting;

/// <summary>
/// Brings the schema up to date (and seeds the demo in demo mode) before the server takes requests. In demo mode the
/// first start also seeds the demo trade (<see cref="DemoTrade"/>), still before the server listens, so that the portal
/// never shows a half-sent history.
/// </summary>
internal sealed class StartupPreparation(IServiceProvider services, IConfiguration configuration, IOptions<PlatformOptions> options, ILogger<StartupPreparation> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            logger.LogInformation("Migrations on start are off; run `silkgate db migrate` to update the schema");
            return;
        }

        var demo = options.Value.Mode == PlatformMode.Demo;
        await services.PrepareDatabaseAsync(demo, cancellationToken);
        if (demo)
        {
            var report = await DemoTrade.SeedOnFirstStartAsync(configuration, Console.Out, cancellationToken);
            logger.LogInformation("Demo trade: {Outcome} {Plan}", report.Outcome, report.Plan);
        }

        logger.LogInformation("Silkgate is ready in {Mode} mode", options.Value.Mode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
