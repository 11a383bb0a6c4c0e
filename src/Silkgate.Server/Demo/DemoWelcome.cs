using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Modules;

namespace Silkgate.Server.Demo;

/// <summary>In demo mode, once the server listens: where to open the portal and which account to sign in with.</summary>
internal sealed partial class DemoWelcome(IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration, IOptions<PlatformOptions> options,
    ILogger<DemoWelcome> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Mode == PlatformMode.Demo)
        {
            lifetime.ApplicationStarted.Register(Announce);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        var url = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        LogWelcome(logger, url, configuration["Identity:DemoPassword"] ?? "Silkgate#2026");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Silkgate demo is ready: open {Url} and sign in as `huzhou` (zone admin) or `province` with password {Password} (all demo accounts: docs/guide/demo.md)")]
    private static partial void LogWelcome(ILogger logger, string url, string password);
}
