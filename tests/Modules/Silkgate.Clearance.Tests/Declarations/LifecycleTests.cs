using Silkgate.Ceb;
using Silkgate.Ceb.Samples;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Declarations;

/// <summary>appType 1 new / 2 change / 3 delete, duplicates, stale messages, documents already sent to customs.</summary>
public abstract class LifecycleTests(ClearanceDb db)
{
    public static TheoryData<CebDirection, CebDocumentKind, int> Duplicates => new()
    {
        { CebDirection.Import, CebDocumentKind.Order, -301010 }, { CebDirection.Import, CebDocumentKind.Payment, -401007 },
        { CebDirection.Import, CebDocumentKind.Waybill, -504015 }, { CebDirection.Import, CebDocumentKind.DeclarationList, -621004 },
        { CebDirection.Export, CebDocumentKind.Order, -301010 }, { CebDirection.Export, CebDocumentKind.PaymentReceipt, -401007 },
        { CebDirection.Export, CebDocumentKind.Waybill, -504015 }, { CebDirection.Export, CebDocumentKind.DeclarationList, -621004 },
    };

    public static TheoryData<CebDirection, CebDocumentKind, int> Stale => new()
    {
        { CebDirection.Import, CebDocumentKind.Order, -301014 }, { CebDirection.Import, CebDocumentKind.Payment, -401012 },
        { CebDirection.Import, CebDocumentKind.Waybill, -505016 }, { CebDirection.Import, CebDocumentKind.DeclarationList, -621027 },
        { CebDirection.Export, CebDocumentKind.PaymentReceipt, -401012 },
    };

    public static TheoryData<CebDocumentKind, string, int> AfterSending => new()
    {
        { CebDocumentKind.Order, "2", -301011 }, { CebDocumentKind.Order, "3", -301011 }, { CebDocumentKind.Payment, "2", -401008 },
        { CebDocumentKind.Waybill, "3", -504016 }, { CebDocumentKind.DeclarationList, "2", -621012 }, { CebDocumentKind.DeclarationList, "3", -621012 },
    };

    [Theory]
    [MemberData(nameof(Duplicates))]
    public async Task A_new_document_whose_number_is_already_live_is_refused_as_a_duplicate(CebDirection direction, CebDocumentKind kind, int code)
    {
        var sale = new Sale(direction, "9610");
        Assert.Equal(2, (await db.SendAsync(sale.Message(kind))).Single.ReturnStatus);

        var again = await db.SendAsync(sale.Message(kind));

        Assert.Equal(code, again.Single.ReturnStatus);
        Assert.Contains("已存在相同编号", again.Single.ReturnInfo, StringComparison.Ordinal);
        Assert.Empty(again.Events);
    }

    [Fact]
    public async Task In_a_message_of_several_documents_each_is_decided_against_what_is_stored_and_what_came_before_it_in_the_message()
    {
        var stored = new Sale(CebDirection.Export, "9610") { AppTime = "20260301100000" };
        await db.SendAsync(stored.Message(CebDocumentKind.Order));
        stored.AppTime = "20260301110000";
        var fresh = new Sale(CebDirection.Export, "9610");
        var message = (Silkgate.Ceb.Export.Ceb303Message)WithAppType(stored.Message(CebDocumentKind.Order), "2");
        message.Order.Add(((Silkgate.Ceb.Export.Ceb303Message)fresh.Message(CebDocumentKind.Order)).Order[0]);
        message.Order.Add(((Silkgate.Ceb.Export.Ceb303Message)fresh.Message(CebDocumentKind.Order)).Order[0]);

        var processed = await db.SendAsync(message);

        // A change of the stored order, a new order, and the same new order again: a duplicate of the one just before it.
        Assert.Equal([2, 2, -301010], processed.Outcomes.Select(o => o.ReturnStatus));
        Assert.Equal([1L, 2L], (await db.DetailAsync(stored)).Timeline.Where(t => t.Kind == "Order").Select(t => t.Version));
        Assert.Equal([1L], (await db.DetailAsync(fresh)).Timeline.Where(t => t.Kind == "Order").Select(t => t.Version));
    }

    [Theory]
    [MemberData(nameof(Stale))]
    public async Task A_message_older_than_the_stored_version_is_ignored(CebDirection direction, CebDocumentKind kind, int code)
    {
        var sale = new Sale(direction, "9610") { AppTime = "20260301120000" };
        await db.SendAsync(sale.Message(kind));
        sale.AppTime = "20260301115959";

        var old = await db.SendAsync(WithAppType(sale.Message(kind), "2"));

        Assert.Equal(code, old.Single.ReturnStatus);
        Assert.Contains("20260301115959", old.Single.ReturnInfo, StringComparison.Ordinal);
        Assert.Contains("20260301120000", old.Single.ReturnInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_before_sending_replaces_the_fields_and_counts_a_new_version()
    {
        var sale = new Sale(CebDirection.Import, "9610");
        await SendWithSavedListAsync(sale);

        sale.AppTime = "20260301110000";
        var changed = await db.SendAsync(sale.ImportPayment(h => { h.AppType = "2"; h.AmountPaid = 60m; }));

        Assert.Equal(2, changed.Single.ReturnStatus);
        var detail = await db.DetailAsync(sale);
        Assert.Equal("Mismatched", detail.Sale.State);
        var payment = detail.Timeline.Where(t => t.Kind == "Payment").ToList();
        Assert.Equal([1L, 2L], payment.Select(t => t.Version));
        Assert.Equal([1L, 2L], payment.Select(t => t.AppType));
        var mismatch = Assert.Single(detail.Mismatches);
        Assert.Equal(("OrderPaidMustEqualPaymentAmount", "65.5", "60"), (mismatch.Check, mismatch.ValueA, mismatch.ValueB));
    }

    [Fact]
    public async Task A_delete_before_sending_marks_the_document_deleted_and_the_sale_waits_again()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        await SendWithSavedListAsync(sale);

        sale.AppTime = "20260301110000";
        var deleted = await db.SendAsync(sale.ExportReceipt(r => r.AppType = "3"));

        Assert.Contains("已删除", deleted.Single.ReturnInfo, StringComparison.Ordinal);
        var detail = await db.DetailAsync(sale);
        Assert.Equal("Waiting", detail.Sale.State);
        Assert.Equal("PaymentReceipt", detail.Sale.Missing);
        Assert.Equal("Deleted", detail.Timeline[^1].Status);

        sale.AppTime = "20260301120000";
        var again = await db.SendAsync(sale.ExportReceipt());
        Assert.Equal(2, again.Single.ReturnStatus);
        Assert.Equal("Matched", (await db.SaleAsync(sale)).State);
    }

    /// <summary>All documents declared except the list, which is only saved: the sale matches but does not go to customs,
    /// so its documents can still change.</summary>
    private async Task SendWithSavedListAsync(Sale sale)
    {
        foreach (var kind in sale.Kinds)
        {
            sale.AppStatus = kind == CebDocumentKind.DeclarationList ? "1" : "2";
            await db.SendAsync(sale.Message(kind));
        }

        sale.AppStatus = "2";
    }

    [Theory]
    [MemberData(nameof(AfterSending))]
    public async Task A_document_sent_to_customs_can_no_longer_be_changed_or_deleted(CebDocumentKind kind, string appType, int code)
    {
        var sale = new Sale(CebDirection.Import, "9610");
        foreach (var k in sale.Kinds)
        {
            await db.SendAsync(sale.Message(k));
        }

        var document = (await db.DetailAsync(sale)).Timeline.Single(t => t.Kind == kind.ToString());
        await db.MarkSentAsync(document.DocumentId);
        sale.AppTime = "20260302000000";

        var refused = await db.SendAsync(WithAppType(sale.Message(kind), appType));

        Assert.Equal(code, refused.Single.ReturnStatus);
        Assert.Contains("已发送海关", refused.Single.ReturnInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_document_that_does_not_exist_is_refused()
    {
        var sale = new Sale(CebDirection.Import, "9610");

        var refused = await db.SendAsync(sale.ImportOrder(h => h.AppType = "2"));

        Assert.Equal(-301009, refused.Single.ReturnStatus);
        Assert.Equal("None", await db.StateAsync(sale));
    }

    [Fact]
    public async Task Each_entity_of_a_message_gets_its_own_outcome()
    {
        var first = new Sale(CebDirection.Import, "9610");
        var second = new Sale(CebDirection.Import, "9610");
        await db.SendAsync(second.ImportOrder());
        var message = first.ImportOrder();
        message.Order.Add(second.ImportOrder().Order[0]);

        var result = await db.SendAsync(message);

        Assert.Equal([(0, 2), (1, -301010)], result.Outcomes.Select(o => (o.EntityIndex, o.ReturnStatus)));
    }

    [Theory]
    [InlineData(623)]
    [InlineData(625)]
    [InlineData(507)]
    [InlineData(701)]
    [InlineData(513)]
    public async Task Other_declarations_saved_with_app_status_1_are_stored_without_matching(int code)
    {
        var message = CebSamples.Create(CebMessageType.FromCode(code));
        message.Guid = CebMessage.NewGuid();
        var entity = (CebEntity)Silkgate.Clearance.Ingest.MessageShape.Entities(message)[0]!;
        var head = entity.GetFieldText("appStatus") is not null ? entity
            : (CebEntity)entity.GetType().GetProperties().First(p => p.Name.EndsWith("Head", StringComparison.Ordinal)).GetValue(entity)!;
        head.SetFieldText("appStatus", "1");

        var result = await db.SendAsync(message);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(1, outcome.ReturnStatus);
        Assert.Contains("已保存", outcome.ReturnInfo, StringComparison.Ordinal);
        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM clearance_documents WHERE document_guid = @g AND sale_id IS NOT NULL", new { g = head.GetFieldText("guid") }));
    }

    [Fact]
    public async Task Receipts_are_not_declarations_and_get_no_outcome()
    {
        var result = await db.SendAsync(CebSamples.Create(CebMessageType.Ceb312));
        Assert.Empty(result.Outcomes);
    }

    private static CebMessage WithAppType(CebMessage message, string appType)
    {
        var head = message switch
        {
            Silkgate.Ceb.Import.Ceb311Message m => (CebEntity)m.Order[0].OrderHead,
            Silkgate.Ceb.Import.Ceb411Message m => m.Payment[0].PaymentHead,
            Silkgate.Ceb.Import.Ceb511Message m => m.Logistics[0].LogisticsHead,
            Silkgate.Ceb.Import.Ceb621Message m => m.Inventory[0].InventoryHead,
            Silkgate.Ceb.Export.Ceb303Message m => m.Order[0].OrderHead,
            Silkgate.Ceb.Export.Ceb403Message m => m.Receipts[0],
            Silkgate.Ceb.Export.Ceb505Message m => m.Logistics[0],
            Silkgate.Ceb.Export.Ceb603Message m => m.Inventory[0].InventoryHead,
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        head.SetFieldText("appType", appType);
        return message;
    }
}

public sealed class LifecycleTestsOnSqlite(SqliteClearanceDb db) : LifecycleTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class LifecycleTestsOnPostgres(PostgresClearanceDb db) : LifecycleTests(db), IClassFixture<PostgresClearanceDb>;
