using Silkgate.Ceb;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;
using Ex = Silkgate.Ceb.Export;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>What goes to customs: a ready sale's declared documents, each as one business message.</summary>
public abstract class CustomsDispatchTests(ClearanceDb db)
{
    [Fact]
    public async Task A_sale_becoming_ready_enqueues_exactly_its_declared_documents()
    {
        var sale = new Sale(CebDirection.Import, "9610");
        var messages = sale.Kinds.Select(sale.Message).ToList();
        var before = db.Queue.Dispatches.Count;
        for (var i = 0; i < 3; i++)
        {
            await db.SendAsync(messages[i], sender: 10 + i);
        }

        Assert.Equal(before, db.Queue.Dispatches.Count);
        var last = await db.SendAsync(messages[3], sender: 13);

        var sent = db.Queue.Dispatches.Skip(before).ToList();
        var detail = await db.DetailAsync(sale);
        Assert.Equal(detail.Timeline.Select(t => t.DocumentId).Order(), sent.Select(d => d.DocumentId).Order());
        Assert.Equal(["CEB311Message", "CEB411Message", "CEB511Message", "CEB621Message"], sent.Select(d => d.MessageType).Order());
        Assert.Equal([10L, 11L, 12L, 13L], sent.Select(d => d.SenderEnterpriseId).Order());
        // A single-entity message goes byte for byte as the enterprise sent (and signed) it: the stored message, not a copy.
        foreach (var (message, dispatch) in messages.Select(m => (m, sent.Single(d => d.MessageType == m.MessageType.RootName))))
        {
            Assert.Null(dispatch.Message);
            Assert.Equal(CebWriter.ToBytes(message), await db.BytesOfAsync(dispatch));
            Assert.Equal(message.Guid, dispatch.MessageGuid);
        }

        Assert.Equal(4, last.Events.Count(e => e.Type == CustomsEvents.DocumentEnqueued));
        foreach (var t in detail.Timeline)
        {
            Assert.Equal("SentToCustoms", (await db.DocumentAsync(t.DocumentId)).Status);
        }
    }

    [Fact]
    public async Task A_saved_document_keeps_the_sale_from_going_and_nothing_is_enqueued_twice()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        var before = db.Queue.Dispatches.Count;
        await db.SendAsync(sale.ExportOrder());
        await db.SendAsync(sale.ExportReceipt());
        await db.SendAsync(sale.ExportWaybill());
        sale.AppStatus = "1";
        await db.SendAsync(sale.ExportList());
        Assert.Equal(before, db.Queue.Dispatches.Count);

        sale.AppStatus = "2";
        sale.AppTime = "20260301110000";
        await db.SendAsync(sale.ExportList(v => v.InventoryHead.AppType = "2"));
        Assert.Equal(before + 4, db.Queue.Dispatches.Count);

        // A late payment-receipt change is refused: everything is with customs now.
        sale.AppTime = "20260301120000";
        var refused = await db.SendAsync(sale.ExportReceipt(r => r.AppType = "2"));
        Assert.Equal(-401008, refused.Single.ReturnStatus);
        Assert.Equal(before + 4, db.Queue.Dispatches.Count);
    }

    [Fact]
    public async Task A_message_of_several_documents_is_sent_as_one_unsigned_message_per_document()
    {
        var first = new Sale(CebDirection.Export, "9610");
        var second = new Sale(CebDirection.Export, "9610");
        var orders = first.ExportOrder();
        orders.Signature = CebSamplesSignature();
        orders.Order.Add(second.ExportOrder().Order[0]);
        await db.SendAsync(orders);
        var before = db.Queue.Dispatches.Count;
        foreach (var s in new[] { first, second })
        {
            await db.SendAsync(s.ExportReceipt());
            await db.SendAsync(s.ExportWaybill());
            await db.SendAsync(s.ExportList());
        }

        var orderDispatches = db.Queue.Dispatches.Skip(before).Where(d => d.MessageType == "CEB303Message").ToList();
        Assert.Equal(2, orderDispatches.Count);
        foreach (var (dispatch, sale) in orderDispatches.Zip(new[] { first, second }))
        {
            var read = (Ex.Ceb303Message)CebReader.Read(dispatch.Message!).Message!;
            var order = Assert.Single(read.Order);
            Assert.Equal(sale.OrderNo, order.OrderHead.OrderNo);
            Assert.Null(read.Signature);
            Assert.Equal(orders.BaseTransfer.CopCode, read.BaseTransfer.CopCode);
            Assert.NotEqual(orders.Guid, dispatch.MessageGuid);
            Assert.Equal(dispatch.MessageGuid, read.Guid);
        }
    }

    [Fact]
    public async Task A_declared_document_keeps_its_message_until_the_sale_is_ready_and_no_longer()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        var orders = sale.ExportOrder();
        orders.Order.Add(new Sale(CebDirection.Export, "9610").ExportOrder().Order[0]);
        await db.SendAsync(orders);
        var detail = await db.DetailAsync(sale);
        var orderId = detail.Timeline.Single().DocumentId;
        Assert.Equal(1, await KeptAsync(orderId));

        await db.SendAsync(sale.ExportReceipt());
        await db.SendAsync(sale.ExportWaybill());
        await db.SendAsync(sale.ExportList());

        Assert.Equal(0, await KeptAsync(orderId));
        Assert.Equal("SentToCustoms", (await db.DocumentAsync(orderId)).Status);
    }

    [Fact]
    public async Task A_declared_document_changed_back_to_saved_drops_its_kept_message()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        await db.SendAsync(sale.ExportReceipt());
        var receiptId = (await db.DetailAsync(sale)).Timeline.Single().DocumentId;
        Assert.Equal(1, await KeptAsync(receiptId));

        sale.AppStatus = "1";
        sale.AppTime = "20260301110000";
        await db.SendAsync(sale.ExportReceipt(r => r.AppType = "2"));

        Assert.Equal(0, await KeptAsync(receiptId));
    }

    [Fact]
    public async Task A_kept_message_is_the_one_built_from_the_stored_message()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        var orders = sale.ExportOrder();
        orders.Order.Add(new Sale(CebDirection.Export, "9610").ExportOrder().Order[0]);
        var before = db.Queue.Dispatches.Count;
        await db.SendAsync(orders);
        await db.SendAsync(sale.ExportReceipt());
        await db.SendAsync(sale.ExportWaybill());
        await db.SendAsync(sale.ExportList());
        var sent = db.Queue.Dispatches.Skip(before).ToList();
        Assert.Equal(4, sent.Count);

        // Documents stored before dispatches were kept are built from the evidence store: the same message, byte for byte.
        await using var connection = await db.Database.OpenAsync(default);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var dispatch in sent)
        {
            var built = await Silkgate.Clearance.Customs.Declaring.DispatchBuilder.BuildAsync(connection, transaction, dispatch.DocumentId, default);
            Assert.NotNull(built);
            Assert.Equal(dispatch.MessageGuid, built.MessageGuid);
            Assert.Equal(dispatch.MessageType, built.MessageType);
            Assert.Equal(await db.BytesOfAsync(dispatch), built.Message);
        }

        var order = (Ex.Ceb303Message)CebReader.Read(sent.Single(d => d.MessageType == "CEB303Message").Message!).Message!;
        Assert.Equal(sale.OrderNo, Assert.Single(order.Order).OrderHead.OrderNo);
    }

    private Task<long> KeptAsync(long documentId) =>
        db.CountAsync("SELECT COUNT(*) FROM clearance_document_dispatches WHERE document_id = @documentId", new { documentId });

    private static System.Xml.Linq.XElement CebSamplesSignature() => Silkgate.Ceb.Samples.CebSamples.PlaceholderSignature();
}

public sealed class CustomsDispatchTestsOnSqlite(SqliteClearanceDb db) : CustomsDispatchTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class CustomsDispatchTestsOnPostgres(PostgresClearanceDb db) : CustomsDispatchTests(db), IClassFixture<PostgresClearanceDb>;
