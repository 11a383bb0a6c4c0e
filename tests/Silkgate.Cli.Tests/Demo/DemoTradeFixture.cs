using System.CommandLine;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Cli.Demo;
using Silkgate.Cli.Platform;

namespace Silkgate.Cli.Tests.Demo;

/// <summary>One month of demo trade at a small scale, seeded once by <c>silkgate demo seed</c> on a fresh SQLite database.</summary>
public sealed class DemoTradeFixture : IAsyncLifetime
{
    public static readonly string[] SeedArguments = ["demo", "seed", "--months", "1", "--scale", "6", "--sellers", "10", "--seed", "7"];

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("silkgate-cli-trade-").FullName;

    public string FirstOutput { get; private set; } = "";

    public int FirstExitCode { get; private set; }

    public Dictionary<string, string?> Overrides => new()
    {
        ["Database:DataDirectory"] = _dataDirectory,
        ["Platform:Mode"] = "Demo",
    };

    public async Task InitializeAsync() => (FirstExitCode, FirstOutput) = await RunAsync(SeedArguments);

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { DemoCommands.Build(() => CliHost.Build(Overrides)) };
        using var output = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }

    public IHost Host() => CliHost.Build(Overrides);

    public async Task<T> QueryAsync<T>(string sql)
    {
        using var host = Host();
        await using var connection = await host.Services.GetRequiredService<Silkgate.Kernel.Data.Database>().OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<T>(sql);
    }

    public async Task<List<T>> ListAsync<T>(string sql)
    {
        using var host = Host();
        await using var connection = await host.Services.GetRequiredService<Silkgate.Kernel.Data.Database>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    /// <summary>How many rows each table of the trade holds; a seed that adds nothing leaves it unchanged.</summary>
    public async Task<string> CountsAsync()
    {
        var tables = new[] { "clearance_messages", "clearance_documents", "clearance_sales", "clearance_mismatches", "clearance_receipts", "registry_enterprises" };
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table}={await QueryAsync<long>($"SELECT COUNT(*) FROM {table}")}");
        }

        return string.Join(", ", counts);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }

        return Task.CompletedTask;
    }
}
