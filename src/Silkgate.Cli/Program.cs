using System.CommandLine;
using Silkgate.Cli.Ceb;
var root = new RootCommand("Silkgate command-line tool");
root.Subcommands.Add(CebCommands.Build());
return await root.Parse(args).InvokeAsync();
