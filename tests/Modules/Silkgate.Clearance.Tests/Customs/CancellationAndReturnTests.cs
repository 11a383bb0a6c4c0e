using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;
using Im = Silkgate.Ceb.Import;
using static Silkgate.Clearance.Tests.Support.CustomsMessages;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>Cancellations (605/623), returns (213/625) and tallies (215): checks with customs' codes, deadlines, receipts.</summary>
public abstract class CancellationAndReturnTests(ClearanceDb db)
{
    private static int _serial;
    private static readonly DateTimeOffset Release = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A whole sale sent (list by enterprise 44), its list released by customs at <see cref="Release"/>.</summary>
    private async Task<(Sale Sale, long ListId, string InvtNo, CebMessage List)> ReleasedAsync(CebDirection direction)
    {
        var sale = new Sale(direction, "9610");
        CebMessage list = null!;
        foreach (var kind in sale.Kinds)
        {
            var m = sale.Message(kind);
            list = m;
            await db.SendAsync(m, kind == CebDocumentKind.DeclarationList ? 44 : 41);
        }

        var n = Interlocked.Increment(ref _serial);
        var invt = direction == CebDirection.Import ? ImportListNo(n) : ExportListNo(n);
        await db.ReceiveAsync(Receipt(list, "800", 1, invt), Release);
        var id = (await db.DetailAsync(sale)).Timeline.Single(t => t.Kind == "DeclarationList").DocumentId;
        return (sale, id, invt, list);
    }

    [Fact]
    public async Task An_approved_import_cancellation_cancels_the_list_and_restores_the_buyer_amount()
    {
        var (sale, listId, invt, _) = await ReleasedAsync(CebDirection.Import);
        Assert.True(await LedgerAsync(listId) > 0);
        var before = db.Queue.Dispatches.Count;
        var cancel = ImportCancel(sale, invt);

        var accepted = await db.SendAsync(cancel, 44, Release.AddDays(3));

        Assert.Equal(2, accepted.Single.ReturnStatus);
        var dispatch = Assert.Single(db.Queue.Dispatches.Skip(before));
        Assert.Equal("CEB623Message", dispatch.MessageType);
        var events = await db.ReceiveAsync(Receipt(cancel, "399", 10), Release.AddDays(3));
        Assert.Equal("Cancelled", (await db.DocumentAsync(listId)).Status);
        Assert.Equal(0, await LedgerAsync(listId));
        Assert.Contains(events, e => e.Type == CustomsEvents.ListEnded);
        Assert.Equal(["CEB622Message", "CEB624Message"], (await db.FeedAsync(44)).Select(r => r.Type).TakeLast(2));
    }

    [Fact]
    public async Task A_cancellation_is_refused_for_an_unknown_list_a_closed_list_a_late_one_and_a_second_one()
    {
        var (sale, _, invt, list) = await ReleasedAsync(CebDirection.Import);

        Assert.Equal(-623003, (await db.SendAsync(ImportCancel(sale, "29902026I999999999"), 44, Release.AddDays(1))).Single.ReturnStatus);
        var late = await db.SendAsync(ImportCancel(sale, invt), 44, Release.AddDays(31));
        Assert.Equal(-623005, late.Single.ReturnStatus);
        Assert.Contains("30", late.Single.ReturnInfo, StringComparison.Ordinal);
        Assert.Equal(2, (await db.SendAsync(ImportCancel(sale, invt), 44, Release.AddDays(2))).Single.ReturnStatus);
        Assert.Equal(-623009, (await db.SendAsync(ImportCancel(sale, invt, "20260305110000"), 44, Release.AddDays(2))).Single.ReturnStatus);

        var (other, _, otherInvt, otherList) = await ReleasedAsync(CebDirection.Import);
        await db.ReceiveAsync(Receipt(otherList, "899", 20, otherInvt), Release);
        Assert.Equal(-623005, (await db.SendAsync(ImportCancel(other, otherInvt), 44, Release.AddDays(1))).Single.ReturnStatus);
    }

    [Fact]
    public async Task An_import_return_within_the_window_is_sent_and_its_approval_returns_the_list()
    {
        var (sale, listId, invt, list) = await ReleasedAsync(CebDirection.Import);
        var lines = ((Im.Ceb621Message)list).Inventory[0].InventoryList.Select(l => (l.Gnum!.Value, l.Qty!.Value)).ToList();
        var refund = ImportReturn(sale, invt, lines);

        var accepted = await db.SendAsync(refund, 44, Release.AddDays(29));
        Assert.Equal(2, accepted.Single.ReturnStatus);
        await db.ReceiveAsync(Receipt(refund, "120", 1), Release.AddDays(29));
        Assert.Equal("Released", (await db.DocumentAsync(listId)).Status);
        await db.ReceiveAsync(Receipt(refund, "399", 2), Release.AddDays(30));

        Assert.Equal("GoodsReturned", (await db.DocumentAsync(listId)).Status);
        Assert.Equal(0, await LedgerAsync(listId));
    }

    [Fact]
    public async Task A_return_is_refused_when_late_over_the_quantity_or_naming_a_line_the_list_lacks()
    {
        var (sale, _, invt, list) = await ReleasedAsync(CebDirection.Import);
        var line = ((Im.Ceb621Message)list).Inventory[0].InventoryList[0];

        var late = await db.SendAsync(ImportReturn(sale, invt, [(line.Gnum!.Value, 1m)]), 44, Release.AddDays(31));
        var tooMany = await db.SendAsync(ImportReturn(sale, invt, [(line.Gnum!.Value, line.Qty!.Value + 1)]), 44, Release.AddDays(1));
        var unknownLine = await db.SendAsync(ImportReturn(sale, invt, [(99, 1m)]), 44, Release.AddDays(1));

        Assert.Equal(-625001, late.Single.ReturnStatus);
        Assert.Contains("30", late.Single.ReturnInfo, StringComparison.Ordinal);
        Assert.Equal(-625001, tooMany.Single.ReturnStatus);
        Assert.Contains("more than the list's", tooMany.Single.ReturnInfo, StringComparison.Ordinal);
        Assert.Equal(-625209, unknownLine.Single.ReturnStatus);
    }

    [Fact]
    public async Task An_export_return_released_by_customs_returns_the_list_and_a_tally_after_45_days_is_refused()
    {
        var (sale, listId, invt, list) = await ReleasedAsync(CebDirection.Export);
        var refund = ExportReturn(sale, invt, [(1, 1m)]);

        Assert.Equal(2, (await db.SendAsync(refund, 44, Release.AddDays(10))).Single.ReturnStatus);
        await db.ReceiveAsync(Receipt(refund, "800", 5), Release.AddDays(12));
        Assert.Equal("GoodsReturned", (await db.DocumentAsync(listId)).Status);

        var backNo = refund.InvtRefund[0].InvtRefundHead.LogisticsNo!;
        Assert.Equal(2, (await db.SendAsync(Tally(backNo, null), 44, Release.AddDays(44))).Single.ReturnStatus);
        var late = await db.SendAsync(Tally(backNo, invt, "20260420100000"), 44, Release.AddDays(46));
        Assert.Equal(-2999, late.Single.ReturnStatus);
        Assert.Contains("45", late.Single.ReturnInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_list_not_yet_released_cannot_be_returned_but_can_be_cancelled()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        CebMessage list = null!;
        foreach (var kind in sale.Kinds)
        {
            list = sale.Message(kind);
            await db.SendAsync(list, 44);
        }

        var invt = ExportListNo(Interlocked.Increment(ref _serial) + 500);
        await db.ReceiveAsync(Receipt(list, "300", 1, invt));

        Assert.Equal(-625001, (await db.SendAsync(ExportReturn(sale, invt, [(1, 1m)]), 44)).Single.ReturnStatus);
        var cancel = ExportCancel(invt);
        Assert.Equal(2, (await db.SendAsync(cancel, 44)).Single.ReturnStatus);
        await db.ReceiveAsync(Receipt(cancel, "399", 2, invt));
        var listId = (await db.DetailAsync(sale)).Timeline.Single(t => t.Kind == "DeclarationList").DocumentId;
        Assert.Equal("Cancelled", (await db.DocumentAsync(listId)).Status);
    }

    private Task<long> LedgerAsync(long listId) => db.CountAsync(
        "SELECT COALESCE(SUM(amount_units), 0) FROM clearance_buyer_ledger_entries WHERE list_document_id = @listId AND reversed_at IS NULL", new { listId });
}

public sealed class CancellationAndReturnTestsOnSqlite(SqliteClearanceDb db) : CancellationAndReturnTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class CancellationAndReturnTestsOnPostgres(PostgresClearanceDb db) : CancellationAndReturnTests(db), IClassFixture<PostgresClearanceDb>;
