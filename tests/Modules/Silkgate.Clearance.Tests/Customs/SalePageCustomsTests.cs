using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Customs;
using Silkgate.Clearance.Tests.Pages;
using Silkgate.Kernel.Data;
using Silkgate.Testing;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>The sale page shows each document's customs status and every customs receipt, Chinese first and English.</summary>
public abstract class SalePageCustomsTests(PlatformHost host)
{
    [Fact]
    public async Task The_sale_page_lists_the_customs_receipts_and_the_status_they_left_in_Chinese_and_English()
    {
        var sender = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(sender.User);
        var sale = await host.SendMismatchingSaleAsync(sender);
        var id = await PageHost.SaleIdAsync(client, sale.OrderNo);
        await ApplyAsync(OrderReceipt(sender.Enterprise.Uscc, sale.OrderNo, "120", "20260301120000000", "海关入库"));
        await ApplyAsync(OrderReceipt(sender.Enterprise.Uscc, sale.OrderNo, "100", "20260301130000000", "订单退单"));
        await ApplyAsync(OrderReceipt(sender.Enterprise.Uscc, sale.OrderNo, "120", "20260301110000000", "迟到回执"));

        var (status, zh) = await PageHost.GetAsync(client, $"/clearance/sales/{id}");
        var (_, en) = await PageHost.GetAsync(client, $"/clearance/sales/{id}?culture=en&ui-culture=en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, Count(zh, "data-testid=\"customs-receipt-row\""));
        Assert.Contains("data-kind=\"Order\" data-status=\"Rejected\"", zh, StringComparison.Ordinal);
        Assert.Contains("海关回执", zh, StringComparison.Ordinal);
        Assert.Contains("海关退单", zh, StringComparison.Ordinal);
        Assert.Contains("迟到或重复回执，状态保持：海关退单", zh, StringComparison.Ordinal);
        Assert.Contains("data-moved=\"false\"", zh, StringComparison.Ordinal);
        Assert.Contains("Customs receipts", en, StringComparison.Ordinal);
        Assert.Contains("late or equal receipt, status stays: Rejected", en, StringComparison.Ordinal);
        Assert.DoesNotContain("海关回执<", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sale_nothing_of_which_went_to_customs_says_so()
    {
        var sender = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(sender.User);
        var sale = await host.SendMismatchingSaleAsync(sender);
        var id = await PageHost.SaleIdAsync(client, sale.OrderNo);

        var (_, html) = await PageHost.GetAsync(client, $"/clearance/sales/{id}");

        Assert.Contains("data-testid=\"customs-none\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("customs-receipt-row", html, StringComparison.Ordinal);
    }

    private static Im.Ceb312Message OrderReceipt(string ebp, string orderNo, string status, string time, string info)
    {
        var m = new Im.Ceb312Message();
        m.OrderReturn.Add(new Im.OrderReturn { Guid = CebMessage.NewGuid(), EbpCode = ebp, EbcCode = ebp, OrderNo = orderNo, ReturnStatus = status, ReturnTime = time, ReturnInfo = info });
        return m;
    }

    private async Task ApplyAsync(CebMessage receipt)
    {
        await using var connection = await host.Services.GetRequiredService<Database>().OpenAsync(default);
        await using var transaction = await connection.BeginTransactionAsync();
        await host.Services.GetRequiredService<ICustomsReceiptSink>().ApplyAsync(connection, transaction, receipt, CebWriter.ToBytes(receipt),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), default);
        await transaction.CommitAsync();
    }

    private static int Count(string html, string needle) => (html.Length - html.Replace(needle, "", StringComparison.Ordinal).Length) / needle.Length;
}

public sealed class SalePageCustomsTestsOnSqlite(SqliteHost host) : SalePageCustomsTests(host), IClassFixture<SqliteHost>;

public sealed class SalePageCustomsTestsOnPostgres(PostgresHost host) : SalePageCustomsTests(host), IClassFixture<PostgresHost>;
