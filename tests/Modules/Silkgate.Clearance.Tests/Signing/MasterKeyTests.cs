using System.Net;
using System.Text.Json;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Signing;

/// <summary>Production mode without <c>Clearance:Signing:MasterKey</c>: no deposits, and no start on data that holds deposits.</summary>
public abstract class MasterKeyTests(PlatformHost host)
{
    private readonly SigningHarness _signing = SigningHarness.WithoutMasterKey(host);

    [Fact]
    public async Task Without_a_master_key_a_deposit_is_refused_and_the_list_says_so()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        using var client = _signing.AdminOf(sender);

        var response = await SigningHarness.DepositAsync(client, SigningHarness.NewSm2().ToPkcs12("pw"), "pw");
        var list = await SigningHarness.ReadAsync(await client.GetAsync(new Uri("/api/v1/ceb/signing-keys", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("signing.master-key-missing", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.False(list.GetProperty("masterKeyConfigured").GetBoolean());
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_server_without_a_master_key_refuses_to_start_on_data_that_holds_deposited_keys()
    {
        PlatformHost withKey = host.Provider == Kernel.Data.DatabaseProvider.Sqlite ? new SqliteHost() : new PostgresHost();
        PlatformHost withoutKey = host.Provider == Kernel.Data.DatabaseProvider.Sqlite ? new SqliteHost() : new PostgresHost();
        try
        {
            await withKey.InitializeAsync();
            var signing = SigningHarness.For(withKey);
            var (sender, _) = await signing.Gateway.NewSenderAsync();
            await signing.DepositAsync(sender, SigningHarness.NewSm2());
            await withKey.DisposeAsync();

            await withoutKey.InitializeAsync();
            withoutKey.Settings["Database:DataDirectory"] = withKey.DataDirectory;
            if (withKey.Settings.TryGetValue("Database:Postgres", out var postgres))
            {
                withoutKey.Settings["Database:Postgres"] = postgres;
            }

            var failure = Record.Exception(() => withoutKey.CreateClient().Dispose());

            Assert.NotNull(failure);
            Assert.Contains("Clearance:Signing:MasterKey", Flatten(failure), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)withoutKey).DisposeAsync();
            await ((IAsyncLifetime)withKey).DisposeAsync();
        }
    }

    private static string Flatten(Exception e) => e is AggregateException a
        ? string.Join(" | ", a.Flatten().InnerExceptions.Select(Flatten))
        : e.Message + (e.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}

public sealed class MasterKeyTestsOnSqlite(SqliteHost host) : MasterKeyTests(host), IClassFixture<SqliteHost>;

public sealed class MasterKeyTestsOnPostgres(PostgresHost host) : MasterKeyTests(host), IClassFixture<PostgresHost>;
