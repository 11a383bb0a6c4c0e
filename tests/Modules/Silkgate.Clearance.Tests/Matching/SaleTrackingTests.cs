using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Queries;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Matching;

/// <summary>Mismatches stored and corrected, waybills joined through the list, overdue warnings, queries and statistics.</summary>
public abstract class SaleTrackingTests(ClearanceDb db)
{
    [Fact]
    public async Task A_mismatch_is_stored_with_both_values_and_a_change_corrects_it()
    {
        var sale = new Sale(CebDirection.Import, "1210");
        await db.SendAsync(sale.ImportOrder());
        await db.SendAsync(sale.ImportPayment());
        await db.SendAsync(sale.ImportWaybill(h => h.ConsigneeTelephone = "13700000000"));
        var last = await db.SendAsync(sale.ImportList());

        Assert.Contains("不一致1项", last.Single.ReturnInfo, StringComparison.Ordinal);
        var detail = await db.DetailAsync(sale);
        Assert.Equal(("Mismatched", 1L), (detail.Sale.State, detail.Sale.MismatchCount));
        var m = Assert.Single(detail.Mismatches);
        Assert.Equal(("ConsigneeMustMatchTheWaybill", "consigneeTelephone", "139****0000", "137****0000", "Order", "Waybill"),
            (m.Check, m.Field, m.ValueA, m.ValueB, m.KindA, m.KindB));
        Assert.Contains("订单为[139****0000]，运单为[137****0000]", m.TextZh, StringComparison.Ordinal);
        Assert.DoesNotContain(last.Events, e => e.Type == ClearanceEvents.SaleMatched);

        sale.AppTime = "20260301120000";
        var fixedWaybill = await db.SendAsync(sale.ImportWaybill(h => h.AppType = "2"));

        Assert.Contains(fixedWaybill.Events, e => e.Type == ClearanceEvents.SaleMatched);
        Assert.Contains(fixedWaybill.Events, e => e.Type == ClearanceEvents.SaleReady);
        var after = await db.DetailAsync(sale);
        Assert.Equal("Ready", after.Sale.State);
        Assert.Empty(after.Mismatches);
    }

    [Fact]
    public async Task A_waybill_waits_unattached_until_a_list_names_it()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        await db.SendAsync(sale.ExportWaybill());
        Assert.Equal("None", await db.StateAsync(sale));

        await db.SendAsync(sale.ExportOrder());
        Assert.Equal("PaymentReceipt,Waybill,DeclarationList", (await db.SaleAsync(sale)).Missing);

        await db.SendAsync(sale.ExportList());
        Assert.Equal("PaymentReceipt", (await db.SaleAsync(sale)).Missing);
    }

    [Fact]
    public async Task A_list_that_changes_its_waybill_number_lets_go_of_the_old_waybill()
    {
        var sale = new Sale(CebDirection.Export, "9610");
        foreach (var kind in sale.Kinds)
        {
            // The list only saved: a ready sale would already be with customs and could no longer change.
            sale.AppStatus = kind == CebDocumentKind.DeclarationList ? "1" : "2";
            await db.SendAsync(sale.Message(kind));
        }

        sale.AppTime = "20260301120000";
        await db.SendAsync(sale.ExportList(v => { v.InventoryHead.AppType = "2"; v.InventoryHead.LogisticsNo = "OTHER" + sale.OrderNo; }));

        var detail = await db.DetailAsync(sale);
        Assert.Equal(("Waiting", "Waybill"), (detail.Sale.State, detail.Sale.Missing));
        Assert.DoesNotContain(detail.Timeline, t => t.Kind == "Waybill");
    }

    [Fact]
    public async Task A_sale_waiting_past_the_deadline_is_warned_once()
    {
        var start = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var late = new Sale(CebDirection.Import, "9610");
        var fresh = new Sale(CebDirection.Import, "9610");
        var done = new Sale(CebDirection.Import, "9610");
        await db.SendAsync(late.ImportOrder(), at: start);
        await db.SendAsync(fresh.ImportOrder(), at: start.AddHours(1));
        foreach (var kind in done.Kinds)
        {
            await db.SendAsync(done.Message(kind), at: start);
        }

        var warned = await db.Warnings.RaiseOverdueWarningsAsync(start.AddHours(24).AddMinutes(30), default);
        var again = await db.Warnings.RaiseOverdueWarningsAsync(start.AddHours(24).AddMinutes(40), default);

        Assert.Contains((await db.SaleAsync(late)).Id, warned);
        Assert.DoesNotContain((await db.SaleAsync(fresh)).Id, warned);
        Assert.DoesNotContain((await db.SaleAsync(done)).Id, warned);
        Assert.Empty(again);
        Assert.Equal(1L, (await db.SaleAsync(late)).Warned);

        foreach (var kind in late.Kinds.Skip(1))
        {
            await db.SendAsync(late.Message(kind), at: start.AddHours(25));
        }

        Assert.Equal(("Ready", 0L), ((await db.SaleAsync(late)).State, (await db.SaleAsync(late)).Warned));
    }

    [Fact]
    public async Task Sales_are_listed_by_enterprise_party_state_and_page()
    {
        var sender = Random.Shared.NextInt64(1_000_000, 9_000_000);
        var sales = Enumerable.Range(0, 3).Select(_ => new Sale(CebDirection.Export, "9710")).ToList();
        foreach (var sale in sales)
        {
            await db.SendAsync(sale.ExportOrder(), sender: sender);
        }

        await db.SendAsync(sales[0].ExportWaybill(), sender: sender + 1);
        await db.SendAsync(sales[0].ExportList(), sender: sender + 1);

        var all = await db.Queries.ListSalesAsync(new SaleFilter(EnterpriseId: sender, PageSize: 2), default);
        Assert.Equal((3L, 2), (all.Total, all.Items.Count));
        var page2 = await db.Queries.ListSalesAsync(new SaleFilter(EnterpriseId: sender, PageSize: 2, Page: 2), default);
        Assert.Single(page2.Items);
        var ready = await db.Queries.ListSalesAsync(new SaleFilter(EnterpriseId: sender, State: "Ready", Mode: "9710", Direction: "E"), default);
        Assert.Equal(sales[0].OrderNo, Assert.Single(ready.Items).OrderNo);
        var byLogistics = await db.Queries.ListSalesAsync(new SaleFilter(EnterpriseId: sender + 1, PartyCode: Sale.LogisticsCode), default);
        Assert.Equal(sales[0].OrderNo, Assert.Single(byLogistics.Items).OrderNo);
    }

    [Fact]
    public async Task Mismatch_statistics_count_sales_and_fields_per_zone_and_check()
    {
        var sender = Random.Shared.NextInt64(10_000_000, 90_000_000);
        var zone = "Z" + sender;
        db.Zones[sender] = zone;
        for (int i = 0; i < 2; i++)
        {
            var sale = new Sale(CebDirection.Import, "9610");
            await db.SendAsync(sale.ImportOrder(), sender: sender);
            await db.SendAsync(sale.ImportWaybill(h => (h.Consignee, h.ConsigneeAddress) = ("某人", "别处")), sender: sender);
            await db.SendAsync(sale.ImportList(), sender: sender);
        }

        var stats = await db.Queries.MismatchStatisticsAsync(zone, null, null, default);

        var row = Assert.Single(stats);
        Assert.Equal((zone, "ConsigneeMustMatchTheWaybill", 2L, 4L), (row.ZoneCode, row.Check, row.Sales, row.Fields));
    }
}

public sealed class SaleTrackingTestsOnSqlite(SqliteClearanceDb db) : SaleTrackingTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class SaleTrackingTestsOnPostgres(PostgresClearanceDb db) : SaleTrackingTests(db), IClassFixture<PostgresClearanceDb>;
