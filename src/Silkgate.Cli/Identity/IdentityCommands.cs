using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Silkgate.Cli.Platform;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Modules;

namespace Silkgate.Cli.Identity;

/// <summary><c>silkgate user create-admin</c>, <c>silkgate apikey create|revoke</c>. They act as the platform (system actor).</summary>
internal static class IdentityCommands
{
    /// <summary>Adds the commands; tests pass their own host factory.</summary>
    public static void AddTo(RootCommand root, Func<IHost>? hostFactory = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var factory = hostFactory ?? (() => CliHost.Build());
        root.Subcommands.Add(UserCommand(factory));
        root.Subcommands.Add(ApiKeyCommand(factory));
    }

    private static Command UserCommand(Func<IHost> factory)
    {
        var username = new Option<string>("--username") { Description = "User name of the new administrator.", Required = true };
        var password = new Option<string?>("--password") { Description = "Password (at least 10 characters); read from standard input or prompted when left out." };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the portal; the user name when left out." };
        var zone = new Option<string?>("--zone") { Description = "Zone code (e.g. 330500): creates a zone admin instead of a province admin." };
        var createAdmin = new Command("create-admin", "Create a province administrator (or a zone administrator with --zone). In production mode this is how the first administrator is made.")
        {
            username, password, displayName, zone,
        };
        createAdmin.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var secret = parse.GetValue(password) ?? await ReadPasswordAsync(output, ct);
            var name = parse.GetValue(username)!;
            var zoneCode = parse.GetValue(zone);
            using var host = factory();
            var result = await InScopeAsync(host, sp => sp.GetRequiredService<IAccountService>().CreateUserAsync(
                new CreateUserRequest(name, parse.GetValue(displayName) ?? name, secret,
                    zoneCode is null ? Role.ProvinceAdmin : Role.ZoneAdmin, zoneCode), ct), ct);
            if (!result.IsSuccess)
            {
                return await FailAsync(parse, result.Errors);
            }

            var user = result.Value!;
            await output.WriteLineAsync($"created {user.GovernmentRole} '{user.Username}' (id {user.Id}){(user.ZoneCode is null ? "" : $" for zone {user.ZoneCode}")}");
            return 0;
        });

        var user = new Command("user", "People's accounts.");
        user.Subcommands.Add(createAdmin);
        return user;
    }

    private static Command ApiKeyCommand(Func<IHost> factory)
    {
        var enterprise = new Option<string>("--enterprise") { Description = "USCC (18 characters) or customs code (10 characters) of an approved enterprise.", Required = true };
        var name = new Option<string?>("--name") { Description = "Name of the key, e.g. the system that will use it." };
        var create = new Command("create", "Create an API key for an approved enterprise. The key is the last line of the output; it is shown only this once.") { enterprise, name };
        create.SetAction(async (parse, ct) =>
        {
            using var host = factory();
            var result = await InScopeAsync(host, sp => sp.GetRequiredService<IApiKeyService>()
                .CreateForEnterpriseAsync(parse.GetValue(enterprise)!, parse.GetValue(name), ct), ct);
            if (!result.IsSuccess)
            {
                return await FailAsync(parse, result.Errors);
            }

            var output = parse.InvocationConfiguration.Output;
            var info = result.Value!.Info;
            await output.WriteLineAsync($"created API key {info.Id} '{info.Name}' for enterprise {info.EnterpriseId}; store it now, it is not shown again:");
            await output.WriteLineAsync(result.Value.Key);
            return 0;
        });

        var id = new Option<long>("--id") { Description = "Id of the key.", Required = true };
        var revoke = new Command("revoke", "Revoke an API key; requests with it are refused from then on.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            using var host = factory();
            var result = await InScopeAsync(host, sp => sp.GetRequiredService<IApiKeyService>().RevokeAsync(parse.GetValue(id), ct), ct);
            if (!result.IsSuccess)
            {
                return await FailAsync(parse, result.Errors);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"revoked API key {result.Value!.Id} (sgk_{result.Value.Prefix}_…)");
            return 0;
        });

        var apikey = new Command("apikey", "API keys of enterprise systems.");
        apikey.Subcommands.Add(create);
        apikey.Subcommands.Add(revoke);
        return apikey;
    }

    private static async Task<T> InScopeAsync<T>(IHost host, Func<IServiceProvider, Task<T>> work, CancellationToken ct)
    {
        if (host.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.MigrateOnStart)
        {
            await host.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
        }

        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<int> FailAsync(ParseResult parse, IReadOnlyList<Problem> problems)
    {
        foreach (var p in problems)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(p.Field is null ? $"error: {p.Message}" : $"error: {p.Field}: {p.Message}");
        }

        return 1;
    }

    /// <summary>The password from redirected standard input, or typed at a prompt without echo.</summary>
    private static async Task<string> ReadPasswordAsync(TextWriter output, CancellationToken ct)
    {
        if (Console.IsInputRedirected)
        {
            return (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
        }

        await output.WriteAsync("Password: ");
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }

                continue;
            }

            chars.Add(key.KeyChar);
        }

        await output.WriteLineAsync();
        return new string([.. chars]);
    }
}
