using Silkgate.Kernel.Modules;
using Silkgate.Sandbox;

namespace Silkgate.Server.Hosting;

/// <summary>
/// Demo mode runs the customs sandbox in-process on the platform's directory transport root, so that declarations get
/// customs answers without customs accounts (issue #5, capability C8). <c>Customs:Sandbox:Enabled</c> overrides the mode;
/// with the AMQP transport there is no directory to answer and the sandbox stays off.
/// </summary>
internal static class CustomsSandboxComposition
{
    public static IServiceCollection AddDemoCustomsSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            services.AddCustomsSandbox(configuration);
        }
        return services;
    }

    internal static bool IsEnabled(IConfiguration configuration)
    {
        var mode = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>()?.Mode ?? PlatformMode.Production;
        var enabled = configuration.GetValue<bool?>("Customs:Sandbox:Enabled") ?? mode == PlatformMode.Demo;
        var transport = configuration["Clearance:Customs:Transport"];
        return enabled && (string.IsNullOrWhiteSpace(transport) || transport.Equals("Directory", StringComparison.OrdinalIgnoreCase));
    }
}
