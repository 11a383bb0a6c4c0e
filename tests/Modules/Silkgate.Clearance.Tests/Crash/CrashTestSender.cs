using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Crash;

/// <summary>
/// THE single place where the crash test sets up its sending enterprise and how its client authenticates: before the
/// server process starts, the real server runs in process on the same data (SQLite folder or PostgreSQL database),
/// migrates it, registers and approves an enterprise through the registry API (as a zone admin) and creates an API key
/// through Identity's API (as the enterprise's admin). The process then needs no test composition; clients send
/// <c>X-Api-Key</c>.
/// </summary>
internal sealed record CrashTestSender(string ApiKey, string CopCode, long EnterpriseId)
{
    public static async Task<CrashTestSender> PrepareAsync(string dataDirectory, string? postgres)
    {
        var seeding = new SeedingHost(postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres);
        seeding.Settings["Database:DataDirectory"] = dataDirectory;
        seeding.Settings["Database:Postgres"] = postgres ?? "";
        seeding.Settings["Clearance:FileExchange:Enabled"] = "false";
        try
        {
            var (sender, key) = await GatewayHarness.For(seeding).NewSenderAsync();
            return new CrashTestSender(key, sender.CustomsCode, sender.Id);
        }
        finally
        {
            await ((IAsyncLifetime)seeding).DisposeAsync();
        }
    }

    public void Authenticate(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    private sealed class SeedingHost(DatabaseProvider provider) : PlatformHost
    {
        public override DatabaseProvider Provider => provider;
    }
}
