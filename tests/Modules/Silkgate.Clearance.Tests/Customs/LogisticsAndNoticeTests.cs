using Silkgate.Ceb;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;
using static Silkgate.Clearance.Tests.Support.CustomsMessages;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>Logistics documents linked and forwarded; tax bills (816/818) and summary results (792) kept for other modules.</summary>
public abstract class LogisticsAndNoticeTests(ClearanceDb db)
{
    private static int _serial = 900;

    private async Task<(Sale Sale, long ListId, string InvtNo, CebMessage List)> SentAsync(CebDirection direction, string status)
    {
        var sale = new Sale(direction, "9610");
        CebMessage list = null!;
        foreach (var kind in sale.Kinds)
        {
            list = sale.Message(kind);
            await db.SendAsync(list, 51);
        }

        var n = Interlocked.Increment(ref _serial);
        var invt = direction == CebDirection.Import ? ImportListNo(n) : ExportListNo(n);
        await db.ReceiveAsync(Receipt(list, status, 1, invt));
        return (sale, (await db.DetailAsync(sale)).Timeline.Single(t => t.Kind == "DeclarationList").DocumentId, invt, list);
    }

    [Fact]
    public async Task A_master_waybill_and_an_arrival_are_linked_to_their_list_and_waybill_forwarded_and_answered()
    {
        var (sale, listId, invt, _) = await SentAsync(CebDirection.Export, "399");
        var before = db.Queue.Dispatches.Count;
        var master = MasterWaybill(sale, invt);
        var arrival = Arrival(sale);

        Assert.Equal(2, (await db.SendAsync(master, 52)).Single.ReturnStatus);
        Assert.Equal(2, (await db.SendAsync(arrival, 53)).Single.ReturnStatus);

        Assert.Equal(["CEB607Message", "CEB507Message"], db.Queue.Dispatches.Skip(before).Select(d => d.MessageType));
        Assert.Equal(CebWriter.ToBytes(master), await db.BytesOfAsync(db.Queue.Dispatches[before]));
        var linked = await db.CountAsync(
            "SELECT COUNT(*) FROM clearance_document_links l JOIN clearance_documents d ON d.id = l.document_id WHERE l.linked_document_id = @listId AND d.kind IN ('MasterSubWaybill', 'Arrival')",
            new { listId });
        Assert.Equal(2, linked);

        await db.ReceiveAsync(Receipt(master, "399", 5));
        await db.ReceiveAsync(Receipt(arrival, "3", 5));
        Assert.Equal(["CEB608Message"], (await db.FeedAsync(52)).Select(r => r.Type));
        Assert.Equal(["CEB508Message"], (await db.FeedAsync(53)).Select(r => r.Type));
        var sale2 = await db.Service<Silkgate.Clearance.Customs.Queries.CustomsRecords>().SaleAsync((await db.SaleAsync(sale)).Id, default);
        Assert.Contains(sale2.Documents, d => d.Kind == "MasterSubWaybill" && d.Status == "Examined");
        Assert.Contains(sale2.Documents, d => d.Kind == "Arrival" && d.Status == "Sent");
        Assert.Contains(sale2.Receipts, r => r.ReceiptType == "CEB508Message" && r.Moved);
    }

    [Fact]
    public async Task A_tax_bill_and_its_status_are_kept_per_list_and_relayed_to_the_list_sender()
    {
        var (_, listId, invt, _) = await SentAsync(CebDirection.Import, "800");
        var bill = new Im.Ceb816Message();
        bill.Tax.Add(new Im.Tax816
        {
            TaxHeadRd = new Im.TaxHeadRd
            {
                Guid = CebMessage.NewGuid(), ReturnTime = "20260302100000000", InvtNo = invt, TaxNo = "TAX" + invt, CustomsTax = 0m, ValueAddedTax = 12.5m,
                ConsumptionTax = 3.25m, Status = "1",
            },
        });

        var issued = await db.ReceiveAsync(bill);
        var status = new Im.Ceb818Message();
        status.Tax.Add(new Im.Tax818 { TaxHeadStatus = new Im.TaxHeadStatus { Guid = CebMessage.NewGuid(), ReturnTime = "20260320100000000", InvtNo = invt, TaxNo = "TAX" + invt, Status = "2" } });
        await db.ReceiveAsync(status);
        await db.ReceiveAsync(bill); // redelivered: changes nothing

        var kept = Assert.Single(await db.Service<ICustomsRecords>().TaxBillsAsync(invt, default));
        Assert.Equal((listId, 0L, 1_250_000L, 325_000L, "2"), (kept.ListDocumentId!.Value, kept.CustomsTaxUnits, kept.ValueAddedTaxUnits, kept.ConsumptionTaxUnits, kept.Status));
        Assert.Contains(issued, e => e.Type == CustomsEvents.TaxBillChanged);
        Assert.Equal(["CEB816Message", "CEB818Message"], (await db.FeedAsync(51)).Select(r => r.Type).Where(t => t.StartsWith("CEB81", StringComparison.Ordinal)).TakeLast(2));
        Assert.Equal("Released", (await db.DocumentAsync(listId)).Status);
    }

    [Fact]
    public async Task A_summary_result_maps_list_items_to_declaration_items()
    {
        var (_, listId, invt, _) = await SentAsync(CebDirection.Export, "899");
        var result = new Ex.Ceb792Message();
        var r = new Ex.SummaryResult
        {
            SummaryResultHead = new Ex.SummaryResultHead
            {
                Guid = CebMessage.NewGuid(), CustomsCode = "2990", SumNo = "S29902026000000001", OpDate = "20260315100000000", DeclSeqNo = "D29902026000000001",
                EntryId = "299020261000000001", DecState = "10", AgentCode = "3301960001", EbcCode = "3301960002",
            },
        };
        r.SummaryResultList.Add(new Ex.SummaryResultList { InvtNo = invt, LogisticsNo = "LN1", Gseqno = 1, Gnum = 1, Gcode = "6109100010" });
        r.SummaryResultList.Add(new Ex.SummaryResultList { InvtNo = invt, LogisticsNo = "LN1", Gseqno = 2, Gnum = 2, Gcode = "6110200010" });
        result.SummaryResult.Add(r);

        var events = await db.ReceiveAsync(result);
        await db.ReceiveAsync(result);

        var kept = Assert.Single(await db.Service<ICustomsRecords>().SummaryResultsForListAsync(invt, default));
        Assert.Equal(("299020261000000001", 2), (kept.EntryId, kept.Items.Count));
        Assert.Equal([(1L, 1L), (2L, 2L)], kept.Items.Select(i => (i.Gnum, i.Gseqno)));
        Assert.Contains(events, e => e.Type == CustomsEvents.SummaryResultReceived);
        Assert.Equal(listId, await db.CountAsync("SELECT list_document_id FROM clearance_summary_result_items WHERE invt_no = @invt AND gnum = 1", new { invt }));
    }
}

public sealed class LogisticsAndNoticeTestsOnSqlite(SqliteClearanceDb db) : LogisticsAndNoticeTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class LogisticsAndNoticeTestsOnPostgres(PostgresClearanceDb db) : LogisticsAndNoticeTests(db), IClassFixture<PostgresClearanceDb>;
