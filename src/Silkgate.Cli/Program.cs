using System.CommandLine;
using Silkgate.Cli.Ceb;
using Silkgate.Cli.Database;
using Silkgate.Cli.Evidence;
using Silkgate.Cli.Exchange;

var root = new RootCommand("silkgate: command-line tool of the Silkgate cross-border e-commerce zone platform");
root.Subcommands.Add(DbCommands.Build());
root.Subcommands.Add(Silkgate.Cli.Demo.DemoCommands.Build());
root.Subcommands.Add(CebCommands.Build());
root.Subcommands.Add(Silkgate.Cli.RefData.RefDataCommands.Build());
Silkgate.Cli.Identity.IdentityCommands.AddTo(root);
root.Subcommands.Add(EvidenceCommands.Build());
root.Subcommands.Add(ExchangeCommands.Build());
root.Subcommands.Add(Silkgate.Cli.Sandbox.SandboxCommands.Build());
root.Subcommands.Add(Silkgate.Cli.Bench.BenchCommands.Build());
return await root.Parse(args).InvokeAsync();
