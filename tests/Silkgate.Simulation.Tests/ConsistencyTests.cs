using Silkgate.Ceb;
using Silkgate.Ceb.Reading;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Simulation.Tests;

/// <summary>The documents of a defect-free sale agree with each other as the platform's 三单对碰 will check.</summary>
public sealed class ConsistencyTests
{
    private static readonly Lazy<Dictionary<string, List<CebEntity>>> ByOrder = new(() =>
    {
        var map = new Dictionary<string, List<CebEntity>>();
        foreach (var m in Runs.Clean.Value.Messages)
        {
            var msg = CebReader.Read(m.Bytes).Message!;
            IEnumerable<(string OrderNo, CebEntity Entity)> entities = msg switch
            {
                Ex.Ceb303Message x => x.Order.Select(o => (o.OrderHead.OrderNo!, (CebEntity)o)),
                Ex.Ceb403Message x => x.Receipts.Select(r => (r.OrderNo!, (CebEntity)r)),
                Ex.Ceb603Message x => x.Inventory.Select(i => (i.InventoryHead.OrderNo!, (CebEntity)i)),
                Im.Ceb311Message x => x.Order.Select(o => (o.OrderHead.OrderNo!, (CebEntity)o)),
                Im.Ceb411Message x => x.Payment.Select(p => (p.PaymentHead.OrderNo!, (CebEntity)p)),
                Im.Ceb511Message x => x.Logistics.Select(l => (l.LogisticsHead.OrderNo!, (CebEntity)l)),
                Im.Ceb621Message x => x.Inventory.Select(i => (i.InventoryHead.OrderNo!, (CebEntity)i)),
                Ex.Ceb505Message x => x.Logistics.Select(l => ("waybill:" + l.LogisticsCode + "/" + l.LogisticsNo, (CebEntity)l)),
                _ => [],
            };
            foreach (var (no, e) in entities)
            {
                (map.TryGetValue(no, out var list) ? list : map[no] = []).Add(e);
            }
        }
        return map;
    });

    [Fact]
    public void Export_order_receipt_waybill_and_list_agree()
    {
        var checkedSales = 0;
        foreach (var sale in Runs.Clean.Value.Sales.Where(s => !s.IsImport))
        {
            var docs = ByOrder.Value[sale.OrderNo];
            var order = docs.OfType<Ex.Order>().Single();
            var list = docs.OfType<Ex.Inventory>().Single();
            var h = list.InventoryHead;
            var waybill = (Ex.Logistics)ByOrder.Value["waybill:" + h.LogisticsCode + "/" + h.LogisticsNo].Single();
            Assert.Equal(order.OrderHead.EbpCode, h.EbpCode);
            Assert.Equal(order.OrderHead.EbcCode, h.EbcCode);
            Assert.Equal(order.OrderHead.Freight, waybill.Freight);
            Assert.Equal(h.Freight, waybill.Freight);
            Assert.Equal(order.OrderHead.GoodsValue, list.InventoryList.Sum(l => l.TotalPrice));
            if (docs.OfType<Ex.Receipts>().SingleOrDefault() is { } receipt)
            {
                Assert.Equal(order.OrderHead.EbpCode, receipt.EbpCode);
                Assert.Equal(order.OrderHead.EbcCode, receipt.EbcCode);
                Assert.Equal(order.OrderHead.GoodsValue + order.OrderHead.Freight, receipt.Charge);
            }
            else
            {
                Assert.Contains(sale.Mode, new[] { SimTradeMode.Export9710, SimTradeMode.Export9810 });
            }
            Assert.Equal(order.OrderList.Count, list.InventoryList.Count);
            foreach (var line in order.OrderList)
            {
                var l = list.InventoryList.Single(x => x.Gnum == line.Gnum);
                Assert.Equal((line.ItemNo, line.Qty, line.Price, line.TotalPrice, line.Unit), (l.ItemNo, l.Qty, l.Price, l.TotalPrice, l.Unit));
            }
            checkedSales++;
        }
        Assert.True(checkedSales > 1_000);
    }

    [Fact]
    public void Import_order_payment_waybill_and_list_agree()
    {
        var checkedSales = 0;
        foreach (var sale in Runs.Clean.Value.Sales.Where(s => s.IsImport))
        {
            var docs = ByOrder.Value[sale.OrderNo];
            var o = docs.OfType<Im.Order>().Single().OrderHead;
            var lines = docs.OfType<Im.Order>().Single().OrderList;
            var p = docs.OfType<Im.Payment>().Single().PaymentHead;
            var w = docs.OfType<Im.Logistics>().Single().LogisticsHead;
            var inv = docs.OfType<Im.Inventory>().Single();
            var h = inv.InventoryHead;
            Assert.Equal(o.GoodsValue + o.Freight + o.TaxTotal - o.Discount, o.ActuralPaid);
            Assert.Equal(o.ActuralPaid, p.AmountPaid);
            Assert.True(o.ActuralPaid <= 5_000m);
            Assert.Equal((o.BuyerIdNumber, o.BuyerName), (p.PayerIdNumber, p.PayerName));
            Assert.Equal((o.BuyerIdNumber, o.BuyerName), (h.BuyerIdNumber, h.BuyerName));
            Assert.Equal((o.Consignee, o.ConsigneeTelephone, o.ConsigneeAddress), (w.Consignee, w.ConsigneeTelephone, w.ConsigneeAddress));
            Assert.Equal((o.EbpCode, o.PayTransactionId, o.PayCode), (p.EbpCode, p.PayTransactionId, p.PayCode));
            Assert.Equal((w.LogisticsCode, w.LogisticsNo), (h.LogisticsCode, h.LogisticsNo));
            Assert.Equal(o.GoodsValue, inv.InventoryList.Sum(l => l.TotalPrice));
            Assert.Equal("142", o.Currency);
            foreach (var line in lines)
            {
                var l = inv.InventoryList.Single(x => x.Gnum == line.Gnum);
                Assert.Equal((line.ItemNo, line.Qty, line.Price, line.TotalPrice, line.Country), (l.ItemNo, l.Qty, l.Price, l.TotalPrice, l.Country));
            }
            checkedSales++;
        }
        Assert.True(checkedSales > 200);
    }

    [Fact]
    public void Buyers_repeat_and_stay_within_the_annual_limit_without_defects()
    {
        var imports = Runs.Clean.Value.Sales.Where(s => s.IsImport).ToList();
        var perBuyer = imports.GroupBy(s => s.BuyerIdNumber).ToList();
        Assert.Contains(perBuyer, g => g.Count() > 1);
        Assert.All(perBuyer, g => Assert.True(g.Sum(s => s.Paid) <= 26_000m, g.Key));
        Assert.Contains(perBuyer, g => g.Sum(s => s.Paid) > 15_000m);
    }
}
