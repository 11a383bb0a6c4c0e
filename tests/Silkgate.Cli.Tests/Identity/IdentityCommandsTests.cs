using System.CommandLine;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Cli.Identity;
using Silkgate.Cli.Platform;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Cli.Tests.Identity;

public sealed class IdentityCommandsTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("silkgate-cli-").FullName;

    private Dictionary<string, string?> Overrides => new()
    {
        ["Database:DataDirectory"] = _dataDirectory,
        ["Platform:Mode"] = "Production",
    };

    [Fact]
    public async Task Create_admin_makes_a_zone_admin_who_can_sign_in()
    {
        var (code, output, _) = await RunAsync(() => CliHost.Build(Overrides),
            "user", "create-admin", "--username", "root.huzhou", "--password", "a long admin password", "--zone", "330500");

        Assert.Equal(0, code);
        Assert.Contains("root.huzhou", output, StringComparison.Ordinal);
        using var host = CliHost.Build(Overrides);
        await using var scope = host.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IAccountService>().SignInAsync("root.huzhou", "a long admin password", CancellationToken.None);
        Assert.Equal((SignInStatus.Succeeded, Role.ZoneAdmin, "330500"), (outcome.Status, outcome.Actor?.Role, outcome.Actor?.ZoneCode));
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_and_says_why()
    {
        var (code, _, error) = await RunAsync(() => CliHost.Build(Overrides), "user", "create-admin", "--username", "root", "--password", "short");

        Assert.Equal(1, code);
        Assert.Contains("password", error, StringComparison.Ordinal);
        Assert.Contains("10 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apikey_create_prints_the_key_as_its_last_line_and_stores_only_its_hash()
    {
        var enterprise = await RegisterAsync(EnterpriseDecision.Approve);

        var (code, output, _) = await RunAsync(Build, "apikey", "create", "--enterprise", enterprise.CustomsCode, "--name", "ERP");

        Assert.Equal(0, code);
        var key = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.Matches("^sgk_[a-z2-9]{8}_[A-Za-z0-9]{40}$", key);
        using var host = Build();
        await using var connection = await host.Services.GetRequiredService<Silkgate.Kernel.Data.Database>().OpenAsync(CancellationToken.None);
        var stored = (await connection.QueryAsync<string>("SELECT prefix || ' ' || secret_hash FROM identity_api_keys")).Single();
        Assert.StartsWith(key.Split('_')[1] + " ", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('_')[2], stored, StringComparison.Ordinal);
        var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM identity_api_keys");

        var (revoked, revokeOutput, _) = await RunAsync(Build, "apikey", "revoke", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, revoked);
        Assert.Contains("revoked", revokeOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apikey_create_refuses_an_enterprise_that_is_not_approved()
    {
        var enterprise = await RegisterAsync(EnterpriseDecision.Approve, EnterpriseDecision.Suspend);

        var (code, _, error) = await RunAsync(Build, "apikey", "create", "--enterprise", enterprise.Uscc);

        Assert.Equal(1, code);
        Assert.Contains("approved", error, StringComparison.Ordinal);
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
            // Left for the OS to clean.
        }
    }

    private IHost Build() => CliHost.Build(Overrides);

    /// <summary>Registers an enterprise through the real registry, as the command line's system actor, and applies the decisions.</summary>
    private async Task<EnterpriseDetails> RegisterAsync(params EnterpriseDecision[] decisions)
    {
        using var host = Build();
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IEnterpriseRegistry>();
        var registered = await registry.RegisterAsync(TestEnterprises.Form(), CancellationToken.None);
        Assert.True(registered.IsSuccess, string.Join("; ", registered.Errors.Select(p => p.Message)));
        var enterprise = registered.Value!;
        foreach (var decision in decisions)
        {
            var decided = await registry.DecideAsync(enterprise.Id, decision, "命令行测试", CancellationToken.None);
            Assert.True(decided.IsSuccess, string.Join("; ", decided.Errors.Select(p => p.Message)));
            enterprise = decided.Value!;
        }

        return enterprise;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(Func<IHost> factory, params string[] args)
    {
        var root = new RootCommand("test");
        IdentityCommands.AddTo(root, factory);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
