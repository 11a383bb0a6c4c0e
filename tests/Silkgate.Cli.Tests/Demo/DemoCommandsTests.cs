using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Cli.Demo;
using Silkgate.Cli.Platform;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;

namespace Silkgate.Cli.Tests.Demo;

public sealed class DemoCommandsTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("silkgate-cli-demo-").FullName;

    private Dictionary<string, string?> Overrides => new()
    {
        ["Database:DataDirectory"] = _dataDirectory,
        ["Platform:Mode"] = "Demo",
    };

    [Fact]
    public async Task Demo_seed_puts_the_demo_province_in_place_once()
    {
        Assert.Equal(0, await RunAsync("demo", "seed", "--months", "0"));
        Assert.Equal(0, await RunAsync("demo", "seed", "--months", "0"));

        using var host = CliHost.Build(Overrides);
        await using var scope = host.Services.CreateAsyncScope();
        var seller = await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().FindByCodeAsync(DemoEnterpriseCodes.HuzhouSeller, CancellationToken.None);
        Assert.Equal(EnterpriseStatus.Approved, seller?.Status);
        var zones = await scope.ServiceProvider.GetRequiredService<ITenancyDirectory>().ListZonesAsync(CancellationToken.None);
        Assert.Equal(5, zones.Count);
        var signIn = await scope.ServiceProvider.GetRequiredService<IAccountService>().SignInAsync("huzhou", "Silkgate#2026", CancellationToken.None);
        Assert.Equal((SignInStatus.Succeeded, Role.ZoneAdmin), (signIn.Status, signIn.Actor?.Role));
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { DemoCommands.Build(() => CliHost.Build(Overrides)) };
        using var output = new StringWriter();
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
    }

    public void Dispose()
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
    }
}
