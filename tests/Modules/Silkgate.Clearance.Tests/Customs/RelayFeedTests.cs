using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>Customs' receipts reach the enterprise through the real host: receipts feed (HTTP) and exchange out folder.</summary>
public abstract class RelayFeedTests(PlatformHost host)
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    private sealed record Item(long Cursor, string Type, string? MessageGuid, long MessageId, string Receipt);

    private sealed record Page(List<Item> Items, long Next);

    [Fact]
    public async Task A_customs_receipt_is_in_the_feed_and_out_folder_of_the_sending_enterprise_only()
    {
        var (a, keyA) = await _gateway.NewSenderAsync();
        var (b, keyB) = await _gateway.NewSenderAsync();
        using var clientA = host.CreateClientWithKey(keyA);
        using var clientB = host.CreateClientWithKey(keyB);
        var outFolder = await host.InScopeAsync(async sp => await sp.GetRequiredService<IExchangeFolders>().InitializeAsync(a.CustomsCode, default));
        var orderA = Order(a.CustomsCode);
        var orderB = Order(b.CustomsCode);
        await PostAsync(clientA, Bytes(orderA));
        await PostAsync(clientB, Bytes(orderB));

        var receipt = CebReceipts.CreateReceipt(orderA, new CebReceiptResult("120", "海关入库 | entered", new DateTime(2026, 3, 1, 12, 0, 0)));
        await ApplyAsync(receipt);
        await ApplyAsync(receipt);

        var feedA = await FeedAsync(clientA);
        var feedB = await FeedAsync(clientB);
        var customs = Assert.Single(feedA, i => i.Receipt.Contains("海关入库", StringComparison.Ordinal));
        Assert.Equal(("CEB312Message", orderA.Guid), (customs.Type, customs.MessageGuid));
        Assert.Equal(feedA.Select(i => i.Cursor).Order(), feedA.Select(i => i.Cursor));
        Assert.DoesNotContain(feedB, i => i.Receipt.Contains("海关入库", StringComparison.Ordinal));

        var file = await WaitForFileAsync(Path.Combine(outFolder!, "out"), "CEB312Message_*.xml");
        Assert.Contains("海关入库", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    private async Task ApplyAsync(CebMessage receipt)
    {
        var database = host.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(default);
        await using var transaction = await connection.BeginTransactionAsync();
        await host.Services.GetRequiredService<ICustomsReceiptSink>().ApplyAsync(connection, transaction, receipt, CebWriter.ToBytes(receipt),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), default);
        await transaction.CommitAsync();
    }

    private static async Task<List<Item>> FeedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Page>(new Uri("/api/v1/ceb/receipts?after=0&limit=100", UriKind.Relative)))!.Items;

    private static async Task<string> WaitForFileAsync(string folder, string pattern)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder, pattern) is [var file, ..])
            {
                return file;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no {pattern} in {folder}");
    }
}

public sealed class RelayFeedTestsOnSqlite(SqliteHost host) : RelayFeedTests(host), IClassFixture<SqliteHost>;

public sealed class RelayFeedTestsOnPostgres(PostgresHost host) : RelayFeedTests(host), IClassFixture<PostgresHost>;
