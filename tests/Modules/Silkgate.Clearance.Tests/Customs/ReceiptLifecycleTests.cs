using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;
using static Silkgate.Clearance.Tests.Support.CustomsMessages;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>Customs' receipts drive each document's status through the sink: precedence, duplicates, numbers, ledger, relay.</summary>
public abstract class ReceiptLifecycleTests(ClearanceDb db)
{
    private static int _serial = 100;

    /// <summary>Sends a whole sale (each document by its own enterprise: 21 order, 22 payment, 23 waybill, 24 list) and returns the list message.</summary>
    private async Task<(CebMessage List, long ListId, Sale Sale)> ReadySaleAsync(CebDirection direction, string mode)
    {
        var sale = new Sale(direction, mode);
        CebMessage list = null!;
        long sender = 21;
        foreach (var kind in sale.Kinds)
        {
            var m = sale.Message(kind);
            await db.SendAsync(m, sender++);
            if (kind == CebDocumentKind.DeclarationList)
            {
                list = m;
            }
        }

        var detail = await db.DetailAsync(sale);
        return (list, detail.Timeline.Single(t => t.Kind == "DeclarationList").DocumentId, sale);
    }

    [Fact]
    public async Task An_export_list_goes_300_800_899_to_closed_and_keeps_the_list_number_customs_gave()
    {
        var (list, id, _) = await ReadySaleAsync(CebDirection.Export, "9610");
        var invt = ExportListNo(Interlocked.Increment(ref _serial));

        await db.ReceiveAsync(Receipt(list, "300", 1, invt, "E20260301000000001"));
        Assert.Equal(("ManualReview", 300L, invt), await StatusAsync(id));
        var released = await db.ReceiveAsync(Receipt(list, "800", 2, invt, "E20260301000000001"));
        Assert.Equal("Released", (await db.DocumentAsync(id)).Status);
        Assert.Contains(released, e => e.Type == CustomsEvents.ListReleased && e.Payload.Contains(invt, StringComparison.Ordinal));
        var closed = await db.ReceiveAsync(Receipt(list, "899", 3, invt, "E20260301000000001"));

        var doc = await db.DocumentAsync(id);
        Assert.Equal(("Closed", 899L, invt, "E20260301000000001"), (doc.Status, doc.CustomsCode, doc.InvtNo, doc.PreNo));
        Assert.NotNull(doc.ReleasedAt);
        Assert.Contains(closed, e => e.Type == CustomsEvents.ListClosed);
        Assert.Equal(3, await db.CountAsync("SELECT COUNT(*) FROM clearance_document_receipts WHERE document_id = @id", new { id }));
    }

    [Fact]
    public async Task An_import_list_goes_120_399_800_899_and_a_released_list_stays_booked_for_its_buyer()
    {
        var (list, id, sale) = await ReadySaleAsync(CebDirection.Import, "1210");
        var booked = await LedgerAsync(id);
        Assert.True(booked > 0);

        var statuses = new List<string>();
        var minute = 0;
        foreach (var code in new[] { "120", "399", "800", "899" })
        {
            await db.ReceiveAsync(Receipt(list, code, ++minute, ImportListNo(5000 + (int)id)));
            statuses.Add((await db.DocumentAsync(id)).Status);
        }

        Assert.Equal(["Entered", "Examined", "Released", "Closed"], statuses);
        Assert.Equal(booked, await LedgerAsync(id));
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM clearance_buyer_ledger_entries WHERE list_document_id = @id AND reversed_at IS NULL", new { id }));
        Assert.Equal(sale.OrderNo, (await db.DetailAsync(sale)).Sale.OrderNo);
    }

    [Fact]
    public async Task A_rejected_import_list_gives_the_buyer_amount_back_and_may_be_corrected()
    {
        var (list, id, sale) = await ReadySaleAsync(CebDirection.Import, "9610");
        Assert.True(await LedgerAsync(id) > 0);

        var events = await db.ReceiveAsync(Receipt(list, "100", 1, info: "商品编码不符 | wrong HS code"));

        Assert.Equal(("Rejected", 100L), ((await db.DocumentAsync(id)).Status, (await db.DocumentAsync(id)).CustomsCode));
        Assert.Equal(0, await LedgerAsync(id));
        Assert.Contains(events, e => e.Type == CustomsEvents.ListEnded);
        sale.AppTime = "20260302100000";
        var corrected = await db.SendAsync(sale.ImportList(v => v.InventoryHead.AppType = "2"), sender: 24);
        Assert.Equal(2, corrected.Single.ReturnStatus);
        Assert.Equal("SentToCustoms", (await db.DocumentAsync(id)).Status);
        Assert.True(await LedgerAsync(id) > 0);
    }

    [Fact]
    public async Task Manual_review_and_inspection_are_kept_with_their_customs_codes()
    {
        var (list, id, _) = await ReadySaleAsync(CebDirection.Import, "9610");

        await db.ReceiveAsync(Receipt(list, "300", 1));
        Assert.Equal(("ManualReview", 300L), ((await db.DocumentAsync(id)).Status, (await db.DocumentAsync(id)).CustomsCode));
        await db.ReceiveAsync(Receipt(list, "500", 2, info: "查验 | inspection"));
        var doc = await db.DocumentAsync(id);
        Assert.Equal(("Inspection", 500L, "查验 | inspection"), (doc.Status, doc.CustomsCode, doc.CustomsInfo));
        await db.ReceiveAsync(Receipt(list, "502", 3));
        Assert.Equal(("Detained", 502L), ((await db.DocumentAsync(id)).Status, (await db.DocumentAsync(id)).CustomsCode));
    }

    [Fact]
    public async Task A_receipt_arriving_late_never_moves_the_status_backwards()
    {
        var (list, id, _) = await ReadySaleAsync(CebDirection.Export, "9610");
        var invt = ExportListNo(Interlocked.Increment(ref _serial));

        await db.ReceiveAsync(Receipt(list, "899", 5, invt));
        var late = await db.ReceiveAsync(Receipt(list, "800", 4, invt));
        await db.ReceiveAsync(Receipt(list, "300", 1, invt));

        Assert.Equal(("Closed", 899L), ((await db.DocumentAsync(id)).Status, (await db.DocumentAsync(id)).CustomsCode));
        Assert.DoesNotContain(late, e => e.Type == CustomsEvents.StatusChanged);
        Assert.Equal(2, await db.CountAsync("SELECT COUNT(*) FROM clearance_document_receipts WHERE document_id = @id AND moved = 0", new { id }));
        // The enterprise still sees every answer customs gave.
        Assert.Equal(3, (await db.FeedAsync(24)).Count(r => r.Type == "CEB604Message" && Contains(r.Bytes, invt)));
    }

    [Fact]
    public async Task The_same_receipt_twice_is_one_history_row_and_one_relay()
    {
        var (list, id, _) = await ReadySaleAsync(CebDirection.Import, "9610");
        var receipt = Receipt(list, "120", 1, info: "入库 | entered");
        var feedBefore = (await db.FeedAsync(24)).Count;

        await db.ReceiveAsync(receipt);
        var again = await db.ReceiveAsync(receipt);

        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM clearance_document_receipts WHERE document_id = @id", new { id }));
        Assert.Equal(feedBefore + 1, (await db.FeedAsync(24)).Count);
        Assert.Empty(again);
    }

    [Fact]
    public async Task Each_receipt_is_relayed_only_to_the_enterprise_that_sent_the_document()
    {
        var sale = new Sale(CebDirection.Import, "9610");
        var order = sale.ImportOrder();
        var payment = sale.ImportPayment();
        await db.SendAsync(order, sender: 31);
        await db.SendAsync(payment, sender: 32);
        await db.SendAsync(sale.ImportWaybill(), sender: 33);
        await db.SendAsync(sale.ImportList(), sender: 34);

        await db.ReceiveAsync(Receipt(order, "120", 1));
        await db.ReceiveAsync(Receipt(payment, "120", 1));

        Assert.Equal(["CEB312Message"], (await db.FeedAsync(31)).Select(r => r.Type));
        Assert.Equal(["CEB412Message"], (await db.FeedAsync(32)).Select(r => r.Type));
        Assert.Empty(await db.FeedAsync(33));
        Assert.Empty(await db.FeedAsync(34));
        Assert.True(Contains((await db.FeedAsync(31))[0].Bytes, sale.OrderNo));
    }

    private async Task<(string, long?, string?)> StatusAsync(long id)
    {
        var d = await db.DocumentAsync(id);
        return (d.Status, d.CustomsCode, d.InvtNo);
    }

    private Task<long> LedgerAsync(long listId) => db.CountAsync(
        "SELECT COALESCE(SUM(amount_units), 0) FROM clearance_buyer_ledger_entries WHERE list_document_id = @listId AND reversed_at IS NULL", new { listId });

    private static bool Contains(byte[] bytes, string text) => System.Text.Encoding.UTF8.GetString(bytes).Contains(text, StringComparison.Ordinal);
}

public sealed class ReceiptLifecycleTestsOnSqlite(SqliteClearanceDb db) : ReceiptLifecycleTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class ReceiptLifecycleTestsOnPostgres(PostgresClearanceDb db) : ReceiptLifecycleTests(db), IClassFixture<PostgresClearanceDb>;
