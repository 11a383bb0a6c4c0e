using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Cli.Platform;
using Silkgate.Clearance.Contracts;

namespace Silkgate.Cli.Exchange;

/// <summary><c>silkgate exchange init --enterprise CODE</c>: creates an approved enterprise's file exchange folders.</summary>
internal static class ExchangeCommands
{
    public static Command Build()
    {
        var enterprise = new Option<string>("--enterprise") { Description = "USCC or customs code of an approved enterprise; names the folder.", Required = true };
        var init = new Command("init", "Create the in/ and out/ folders of an enterprise under the exchange root.");
        init.Options.Add(enterprise);
        init.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            var code = parse.GetValue(enterprise)!;
            var folder = await host.Services.GetRequiredService<IExchangeFolders>().InitializeAsync(code, ct);
            var output = parse.InvocationConfiguration.Output;
            if (folder is null)
            {
                await output.WriteLineAsync($"no approved enterprise has the code {code}");
                return 1;
            }

            await output.WriteLineAsync(folder);
            return 0;
        });

        var exchange = new Command("exchange", "DXP-style file exchange folders.");
        exchange.Subcommands.Add(init);
        return exchange;
    }
}
