using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silkgate.Sandbox;

namespace Silkgate.Cli.Sandbox;

/// <summary><c>silkgate sandbox run --exchange DIR</c>: the customs sandbox on its own, answering until Ctrl-C.</summary>
internal static class SandboxCommands
{
    public static Command Build()
    {
        var exchange = new Option<DirectoryInfo>("--exchange") { Description = "Exchange root: reads DIR/to-customs, answers in DIR/from-customs.", Required = true };
        var seed = new Option<int?>("--seed") { Description = "Seed of the rejected and held lists (same seed, same outcomes)." };
        var district = new Option<string?>("--district") { Description = "4-digit customs district of the list numbers (default 2991)." };
        var run = new Command("run", "Simulate customs on a DXP directory exchange until Ctrl-C, printing every answer.");
        run.Options.Add(exchange);
        run.Options.Add(seed);
        run.Options.Add(district);
        run.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var settings = new Dictionary<string, string?>
            {
                ["Customs:Sandbox:Exchange"] = parse.GetValue(exchange)!.FullName,
                ["Customs:Sandbox:Seed"] = parse.GetValue(seed)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Customs:Sandbox:CustomsDistrict"] = parse.GetValue(district),
            };
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false });
            builder.Configuration.AddEnvironmentVariables("SILKGATE_");
            builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new WriterLoggerProvider(output));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Silkgate.Sandbox", LogLevel.Information);
            builder.Services.AddCustomsSandbox(builder.Configuration);
            using var host = builder.Build();
            try
            {
                await host.RunAsync(ct);
            }
            catch (OperationCanceledException)
            {
            }
            await output.WriteLineAsync("customs sandbox stopped");
            return 0;
        });

        var sandbox = new Command("sandbox", "The customs sandbox: a simulation of China Customs for end-to-end tests.");
        sandbox.Subcommands.Add(run);
        return sandbox;
    }
}
