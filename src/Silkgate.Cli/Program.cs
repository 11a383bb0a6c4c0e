using System.CommandLine;
using Silkgate.Cli.Database;

var root = new RootCommand("silkgate: command-line tool of the Silkgate cross-border e-commerce zone platform");
root.Subcommands.Add(DbCommands.Build());
Silkgate.Cli.Identity.IdentityCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
