using System.CommandLine;
var root = new RootCommand("Silkgate command-line tool");
return await root.Parse(args).InvokeAsync();
