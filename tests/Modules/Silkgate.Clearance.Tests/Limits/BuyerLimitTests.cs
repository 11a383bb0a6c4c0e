using Silkgate.Ceb;
using Silkgate.Clearance.Tests.Support;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Tests.Limits;

/// <summary>The ¥5,000 per list and ¥26,000 per buyer and year limits, with the ledger that enforces the second.</summary>
public abstract class BuyerLimitTests(ClearanceDb db)
{
    /// <summary>A declared import list of exactly <paramref name="value"/> yuan (one line) for the given buyer.</summary>
    private static Im.Ceb621Message List(string buyerId, decimal value, string appType = "1", string appStatus = "2", Sale? sale = null)
    {
        sale ??= new Sale(CebDirection.Import, "9610");
        sale.BuyerId = buyerId;
        sale.AppStatus = appStatus;
        return sale.ImportList(v =>
        {
            v.InventoryHead.AppType = appType;
            v.InventoryList.RemoveAt(1);
            (v.InventoryList[0].Qty, v.InventoryList[0].Price, v.InventoryList[0].TotalPrice) = (1m, value - 10m, value - 10m);
            (v.InventoryHead.Freight, v.InventoryHead.InsuredFee) = (8m, 2m);
        });
    }

    private static string NewBuyer() => new Sale(CebDirection.Import, "9610").BuyerId;

    [Fact]
    public async Task A_list_of_exactly_5000_yuan_passes_and_one_fen_more_is_refused_with_621005()
    {
        var buyer = NewBuyer();
        Assert.Equal(2, (await db.SendAsync(List(buyer, 5000.00m))).Single.ReturnStatus);

        var refused = (await db.SendAsync(List(buyer, 5000.01m))).Single;

        Assert.Equal(-621005, refused.ReturnStatus);
        Assert.Contains("5000.01", refused.ReturnInfo, StringComparison.Ordinal);
        Assert.Contains("[5000.00]", refused.ReturnInfo, StringComparison.Ordinal);
        Assert.Contains("运费8.00", refused.ReturnInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_may_reach_26000_yuan_exactly_and_one_fen_more_is_refused_with_621018()
    {
        var buyer = NewBuyer();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(2, (await db.SendAsync(List(buyer, 5000m))).Single.ReturnStatus);
        }

        Assert.Equal(2, (await db.SendAsync(List(buyer, 1000m))).Single.ReturnStatus);
        var refused = (await db.SendAsync(List(buyer, 100.01m))).Single;

        Assert.Equal(-621018, refused.ReturnStatus);
        Assert.Contains("已用购买额度为[26000.00]元", refused.ReturnInfo, StringComparison.Ordinal);
        Assert.Contains("本次购买[100.01]元", refused.ReturnInfo, StringComparison.Ordinal);
        Assert.Contains("年度限额[26000.00]元", refused.ReturnInfo, StringComparison.Ordinal);
        Assert.Contains(buyer[..3] + "***", refused.ReturnInfo, StringComparison.Ordinal);
        Assert.DoesNotContain(buyer, refused.ReturnInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_list_books_nothing_so_a_smaller_one_still_fits()
    {
        var buyer = NewBuyer();
        for (int i = 0; i < 5; i++)
        {
            await db.SendAsync(List(buyer, 5000m));
        }

        Assert.Equal(-621018, (await db.SendAsync(List(buyer, 1000.01m))).Single.ReturnStatus);
        Assert.Equal(2, (await db.SendAsync(List(buyer, 1000m))).Single.ReturnStatus);
    }

    [Fact]
    public async Task A_changed_list_replaces_its_booking_instead_of_adding_to_it()
    {
        var buyer = NewBuyer();
        var sale = new Sale(CebDirection.Import, "9610");
        for (int i = 0; i < 5; i++)
        {
            await db.SendAsync(List(buyer, 5000m));
        }

        Assert.Equal(2, (await db.SendAsync(List(buyer, 1000m, sale: sale))).Single.ReturnStatus);
        sale.AppTime = "20260301120000";
        Assert.Equal(2, (await db.SendAsync(List(buyer, 900m, appType: "2", sale: sale))).Single.ReturnStatus);
        Assert.Equal(2, (await db.SendAsync(List(buyer, 100m))).Single.ReturnStatus);
        Assert.Equal(-621018, (await db.SendAsync(List(buyer, 10.01m))).Single.ReturnStatus);
    }

    [Fact]
    public async Task A_deleted_list_gives_its_amount_back_to_the_buyer()
    {
        var buyer = NewBuyer();
        var sale = new Sale(CebDirection.Import, "9610");
        for (int i = 0; i < 5; i++)
        {
            await db.SendAsync(List(buyer, 5000m));
        }

        await db.SendAsync(List(buyer, 1000m, sale: sale));
        sale.AppTime = "20260301120000";
        await db.SendAsync(List(buyer, 1000m, appType: "3", sale: sale));

        Assert.Equal(2, (await db.SendAsync(List(buyer, 1000m))).Single.ReturnStatus);
    }

    [Fact]
    public async Task A_saved_list_does_not_count_until_it_is_declared()
    {
        var buyer = NewBuyer();
        for (int i = 0; i < 5; i++)
        {
            await db.SendAsync(List(buyer, 5000m, appStatus: "1"));
        }

        Assert.Equal(2, (await db.SendAsync(List(buyer, 5000m))).Single.ReturnStatus);
    }

    [Fact]
    public async Task Buyers_and_years_have_separate_ledgers()
    {
        var buyer = NewBuyer();
        for (int i = 0; i < 5; i++)
        {
            await db.SendAsync(List(buyer, 5000m), at: new DateTimeOffset(2025, 12, 31, 15, 59, 59, TimeSpan.Zero));
        }

        // 2025-12-31 16:00 UTC is 2026-01-01 00:00 in China: a new year.
        Assert.Equal(2, (await db.SendAsync(List(buyer, 5000m), at: new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero))).Single.ReturnStatus);
        Assert.Equal(2, (await db.SendAsync(List(NewBuyer(), 5000m), at: new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero))).Single.ReturnStatus);
        Assert.Equal(-621018, (await db.SendAsync(List(buyer, 1001m), at: new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero))).Single.ReturnStatus);
    }
}

public sealed class BuyerLimitTestsOnSqlite(SqliteClearanceDb db) : BuyerLimitTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class BuyerLimitTestsOnPostgres(PostgresClearanceDb db) : BuyerLimitTests(db), IClassFixture<PostgresClearanceDb>;
