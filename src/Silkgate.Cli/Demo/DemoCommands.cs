using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Silkgate.Cli.Platform;
using Silkgate.Kernel.Modules;
using Silkgate.Server.Hosting;

namespace Silkgate.Cli.Demo;

/// <summary><c>silkgate demo seed</c>: the demo province, its enterprises and accounts, on the configured database.</summary>
internal static class DemoCommands
{
    public static Command Build(Func<IHost>? hostFactory = null)
    {
        var seed = new Command("seed", "Migrate the database and put the demo province in place (zones, parks, demo enterprises, demo accounts). Idempotent.");
        seed.SetAction(async (parse, ct) =>
        {
            using var host = (hostFactory ?? DemoHost)();
            await host.Services.PrepareDatabaseAsync(seedDemo: true, ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync("demo province ready; sign in with the demo accounts of docs/guide/demo.md");
            return 0;
        });

        var demo = new Command("demo", "Demo data.");
        demo.Subcommands.Add(seed);
        return demo;
    }

    private static IHost DemoHost() =>
        CliHost.Build([new($"{PlatformOptions.Section}:{nameof(PlatformOptions.Mode)}", nameof(PlatformMode.Demo))]);
}
