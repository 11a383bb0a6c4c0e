using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Cli.Platform;
using Silkgate.Clearance.Contracts;

namespace Silkgate.Cli.Evidence;

/// <summary><c>silkgate evidence verify</c>: walks the raw message store's hash chain.</summary>
internal static class EvidenceCommands
{
    public static Command Build()
    {
        var verify = new Command("verify", "Verify the evidence chain of every received CEB message; exit 1 at the first broken entry.");
        verify.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            var result = await host.Services.GetRequiredService<IEvidenceLedger>().VerifyAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (!result.IsIntact)
            {
                await output.WriteLineAsync($"BROKEN at entry {result.BrokenSequence}: {result.Reason} ({result.EntriesVerified} entries verified before it)");
                return 1;
            }

            await output.WriteLineAsync($"{result.EntriesVerified} entries verified; head {result.HeadHash}");
            return 0;
        });

        var evidence = new Command("evidence", "The raw message store as evidence.");
        evidence.Subcommands.Add(verify);
        return evidence;
    }
}
