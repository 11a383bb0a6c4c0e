using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Cli.Platform;
using Silkgate.Kernel.Data.Migrations;

namespace Silkgate.Cli.Database;

internal static class DbCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Apply pending schema migrations of every module to the configured database.");
        migrate.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            var applied = await host.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var line in applied)
            {
                await output.WriteLineAsync($"applied {line}");
            }

            await output.WriteLineAsync(applied.Count == 0 ? "database is up to date" : $"{applied.Count} migration(s) applied");
            return 0;
        });

        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
