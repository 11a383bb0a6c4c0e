using System.CommandLine;
using Silkgate.Cli.Ceb;
using Silkgate.Cli.Database;

var root = new RootCommand("silkgate: command-line tool of the Silkgate cross-border e-commerce zone platform");
root.Subcommands.Add(DbCommands.Build());
root.Subcommands.Add(CebCommands.Build());
root.Subcommands.Add(Silkgate.Cli.RefData.RefDataCommands.Build());
Silkgate.Cli.Identity.IdentityCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
