using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Cli.Platform;
using Silkgate.Cli.RefData;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.RefData.Contracts;

namespace Silkgate.Cli.Tests.RefData;

public sealed class ImportHsCommandTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("silkgate-cli-test-");

    private KeyValuePair<string, string?>[] Overrides => [new("Database:DataDirectory", _data.FullName)];

    [Fact]
    public async Task Import_hs_loads_the_year_from_a_BOM_file_and_prints_the_counts()
    {
        await MigrateAsync();
        var file = Write("ok.csv", "\uFEFFcode,name,unit1,unit2,elements\r\n0101210010,改良种用濒危野马,035,009,\"[\"\"品牌类型\"\",\"\"品种\"\"]\"\r\n8517130000,智能手机,007,,\"[]\"\r\n");

        var (exit, output) = await RunAsync("refdata", "import-hs", file, "--year", "2019");

        Assert.Equal(0, exit);
        Assert.Contains("tariff year 2019: imported 2 HS code(s), replaced 0", output, StringComparison.Ordinal);
        using var host = CliHost.Build(Overrides);
        await using var scope = host.Services.CreateAsyncScope();
        var phone = await scope.ServiceProvider.GetRequiredService<IHsCodes>().FindAsync("8517130000", 2019, CancellationToken.None);
        Assert.Equal(("智能手机", "007", null), (phone?.Name, phone?.Unit1, phone?.Unit2));
    }

    [Fact]
    public async Task Import_hs_reports_every_bad_row_with_its_line_and_fails_without_importing()
    {
        await MigrateAsync();
        var file = Write("bad.csv", "code,name,unit1,unit2,elements\n12345,短码,035,,[]\n8517130000,手机,000,,[]\n8517130001,手机,007,,not json\n");

        var (exit, output) = await RunAsync("refdata", "import-hs", file, "--year", "2020");

        Assert.Equal(1, exit);
        Assert.Contains("line 2: code", output, StringComparison.Ordinal);
        Assert.Contains("line 3: unit1", output, StringComparison.Ordinal);
        Assert.Contains("line 4: elements", output, StringComparison.Ordinal);
        Assert.Contains("3 error(s); nothing imported", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_hs_on_an_unmigrated_database_says_to_migrate_first()
    {
        var file = Write("one.csv", "code,name,unit1,unit2,elements\n8517130000,手机,007,,[]\n");

        var (exit, output) = await RunAsync("refdata", "import-hs", file, "--year", "2021");

        Assert.Equal(3, exit);
        Assert.Contains("silkgate db migrate", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    private async Task MigrateAsync()
    {
        using var host = CliHost.Build(Overrides);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_data.FullName, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(RefDataCommands.Build(() => CliHost.Build(Overrides)));
        using var output = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }
}
