using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silkgate.Kernel.Access;
using Silkgate.Server.Hosting;

namespace Silkgate.Cli.Platform;

/// <summary>
/// The platform's services without the web server: the same configuration sources as the server
/// (appsettings.json beside the tool, environment variables <c>Silkgate__...</c>), acting as the platform itself.
/// </summary>
internal static class CliHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false });
        builder.Configuration.AddEnvironmentVariables("SILKGATE_");
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilkgatePlatform(builder.Configuration);
        builder.Services.AddSingleton<IActorContext, SystemActorContext>();
        return builder.Build();
    }
}

/// <summary>Commands act as the platform with province-wide rights; the audit log names them <c>system</c>.</summary>
internal sealed class SystemActorContext(Microsoft.Extensions.Options.IOptions<Silkgate.Kernel.Modules.PlatformOptions> options) : IActorContext
{
    public Actor? Current { get; } = Actor.System(options.Value.ProvinceCode);

    public string? ClientAddress => "cli";
}
