using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Silkgate.Kernel.Data;
using Silkgate.Sandbox.Exchange;
using Silkgate.Sandbox.Hosting;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox;

/// <summary>The sandbox's one public entry point.</summary>
public static class CustomsSandboxServices
{
    /// <summary>
    /// Registers the customs sandbox as a hosted service, configured from <c>Customs:Sandbox</c>. Its exchange root is
    /// <c>Customs:Sandbox:Exchange</c>, else the platform's <c>Clearance:Customs:Directory:Root</c>, else
    /// <c>&lt;data directory&gt;/customs-exchange</c>.
    /// </summary>
    public static IServiceCollection AddCustomsSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        options.Exchange = ExchangeRoot(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(_ => new ExchangeFolders(options.Exchange));
        services.AddSingleton(sp => new SandboxStore(sp.GetRequiredService<ExchangeFolders>().StateFile));
        services.AddSingleton(sp => new SandboxEngine(options, sp.GetRequiredService<ExchangeFolders>(), sp.GetRequiredService<SandboxStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SandboxEngine>>()));
        services.AddHostedService<SandboxWorker>();
        return services;
    }

    internal static string ExchangeRoot(IConfiguration configuration)
    {
        var own = configuration[$"{SandboxOptions.Section}:{nameof(SandboxOptions.Exchange)}"];
        if (!string.IsNullOrWhiteSpace(own))
        {
            return Path.GetFullPath(own);
        }
        var platform = configuration["Clearance:Customs:Directory:Root"];
        if (!string.IsNullOrWhiteSpace(platform))
        {
            return Path.GetFullPath(platform);
        }
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return Path.Combine(database.ResolvedDataDirectory, "customs-exchange");
    }
}
