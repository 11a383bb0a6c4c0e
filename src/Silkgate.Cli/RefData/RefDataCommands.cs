using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Cli.Platform;
using Silkgate.RefData.Contracts;

namespace Silkgate.Cli.RefData;

internal static class RefDataCommands
{
    /// <param name="hostFactory">Builds the platform host; tests pass one with their own configuration.</param>
    public static Command Build(Func<IHost>? hostFactory = null)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file with the header code,name,unit1,unit2,elements (UTF-8, with or without BOM)." };
        var year = new Option<long?>("--year") { Description = "Tariff year the codes belong to (default: the current year). That year's codes are replaced." };
        var importHs = new Command("import-hs", "Import the HS codes of one tariff year from CSV, replacing that year in one transaction.");
        importHs.Arguments.Add(file);
        importHs.Options.Add(year);
        importHs.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"file not found: {path.FullName}");
                return 2;
            }

            using var host = (hostFactory ?? (() => CliHost.Build()))();
            await using var scope = host.Services.CreateAsyncScope();
            var tariffYear = parse.GetValue(year) ?? scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().Year;
            var watch = Stopwatch.StartNew();
            using var reader = new StreamReader(path.FullName, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            HsImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<IHsCodeImporter>().ImportAsync(reader, tariffYear, ct);
            }
            catch (DbException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"database error: {e.Message} (is the schema up to date? run `silkgate db migrate`)");
                return 3;
            }

            if (!result.Succeeded)
            {
                foreach (var e in result.Errors)
                {
                    await output.WriteLineAsync(e.Line > 0 ? $"line {e.Line}: {e.Field}: {e.Message}" : $"{e.Field}: {e.Message}");
                }

                await output.WriteLineAsync($"{result.Errors.Count} error(s); nothing imported");
                return 1;
            }

            await output.WriteLineAsync(
                $"tariff year {result.Year}: imported {result.Imported} HS code(s), replaced {result.Replaced} in {watch.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });

        var refdata = new Command("refdata", "Reference data: code tables and HS codes.");
        refdata.Subcommands.Add(importHs);
        return refdata;
    }
}
