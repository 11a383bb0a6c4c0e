using Microsoft.Extensions.Options;
using Silkgate.Kernel.Modules;

namespace Silkgate.Server.Hosting;

/// <summary>Brings the schema up to date (and seeds the demo in demo mode) before the server takes requests.</summary>
internal sealed class StartupPreparation(IServiceProvider services, IOptions<PlatformOptions> options, ILogger<StartupPreparation> logger) : IHostedService
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
        logger.LogInformation("Silkgate is ready in {Mode} mode", options.Value.Mode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
