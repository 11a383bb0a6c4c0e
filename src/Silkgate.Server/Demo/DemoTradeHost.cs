using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Silkgate.Server.Hosting;

namespace Silkgate.Server.Demo;

/// <summary>
/// The platform's services (no web server) on the configured database, running on a <see cref="ReplayClock"/> so that
/// the gateway receives the demo trade at its historical send times. Its own host, so the real server's clock is never
/// touched; it stops before the server takes requests.
/// </summary>
internal static class DemoTradeHost
{
    public static IHost Build(IConfiguration configuration, ReplayClock clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{PlatformOptions.Section}:{nameof(PlatformOptions.Mode)}"] = nameof(PlatformMode.Demo),
            // The exchange folders belong to the real server; the seed sends through the gateway's upload facade only.
            ["Clearance:FileExchange:Enabled"] = "false",
            // The replayed clock jumps hours ahead between messages; nobody's status changes while the seed runs, so the
            // gateway may keep its sender facts for the whole window instead of asking the registry for every message.
            ["Clearance:Gateway:SenderCacheSeconds"] = "34560000",
            // Customs is the real server's business: it sends the queued declarations (signed with the deposited keys) once
            // the seed is done and it has started; here a sender would run on the replayed clock.
            ["Clearance:Customs:Sending:Enabled"] = "false",
            ["Clearance:Customs:Receiving:Enabled"] = "false",
            // The generated trade carries placeholder signatures; the platform replaces them with the enterprise's deposited
            // key when it sends to customs, so the seed's gateway does not verify them against the registered certificates.
            ["Clearance:Signing:GatewayVerification"] = "Off",
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // Identity's cookie scheme takes a protector when the API keys are authenticated: the same key ring as the server's.
        var dataDirectory = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.ResolvedDataDirectory ?? new DatabaseOptions().ResolvedDataDirectory;
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys"))).SetApplicationName("Silkgate");
        builder.Services.AddSilkgatePlatform(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Services.AddSingleton(clock);
        builder.Services.AddScoped<SeedActorContext>();
        builder.Services.AddScoped<IActorContext>(sp => sp.GetRequiredService<SeedActorContext>());
        return builder.Build();
    }
}
