using System.Globalization;
using Silkgate.Ceb.Export;
using Silkgate.Simulation.Catalog;

namespace Silkgate.Simulation.Documents;

/// <summary>Business entities of export documents: order 303, receipt 403, waybill 505, list 603.</summary>
internal static class ExportEntities
{
    public static Order Order(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        var order = new Order
        {
            OrderHead = new OrderHead
            {
                Guid = d.HeadGuid,
                AppType = d.AppType,
                AppTime = Format.Time(d.AppTime),
                AppStatus = appStatus,
                OrderType = s.Mode switch { SimTradeMode.Export9710 => "B", SimTradeMode.Export9810 => "W", _ => "E" },
                OrderNo = s.OrderNo,
                EbpCode = s.Platform.Code,
                EbpName = s.Platform.Name,
                EbcCode = s.Seller.Code,
                EbcName = s.Seller.Name,
                GoodsValue = s.GoodsValue,
                Freight = s.Freight,
                Currency = "142",
                Note = d.Note,
            },
        };
        foreach (var l in s.Lines)
        {
            order.OrderList.Add(new OrderList
            {
                Gnum = l.Gnum,
                ItemNo = l.ItemNo,
                ItemName = l.Product.Name,
                BarCode = l.BarCode,
                Unit = l.Product.Unit,
                Currency = "142",
                Qty = l.Qty,
                Price = l.Price,
                TotalPrice = l.Total,
            });
        }
        return order;
    }

    public static Receipts Receipt(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        return new Receipts
        {
            Guid = d.HeadGuid,
            AppType = d.AppType,
            AppTime = Format.Time(d.AppTime),
            AppStatus = appStatus,
            EbpCode = s.Platform.Code,
            EbpName = s.Platform.Name,
            EbcCode = s.Seller.Code,
            EbcName = s.Seller.Name,
            OrderNo = s.OrderNo,
            PayCode = s.Payment.Code,
            PayName = s.Payment.Name,
            PayNo = s.PayNo,
            Charge = s.PaidOverride ?? s.Paid,
            Currency = "142",
            AccountingDate = Format.Time(s.OrderedAt.AddMinutes(2)),
            Note = d.Note,
        };
    }

    public static Logistics Waybill(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        return new Logistics
        {
            Guid = d.HeadGuid,
            AppType = d.AppType,
            AppTime = Format.Time(d.AppTime),
            AppStatus = appStatus,
            LogisticsCode = s.Logistics.Code,
            LogisticsName = s.Logistics.Name,
            LogisticsNo = s.LogisticsNo,
            Freight = s.Freight,
            InsuredFee = 0m,
            Currency = "142",
            GrossWeight = s.GrossKg,
            PackNo = s.IsB2B ? Math.Max(1, s.Lines.Count) : 1,
            GoodsInfo = Format.GoodsInfo(s),
            EbcCode = s.Seller.Code,
            EbcName = s.Seller.Name,
            Note = d.Note,
        };
    }

    public static Inventory List(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        var bonded = s.Mode == SimTradeMode.Export1210;
        var head = new InventoryHead
        {
            Guid = d.HeadGuid,
            AppType = d.AppType,
            AppTime = Format.Time(d.AppTime),
            AppStatus = appStatus,
            CustomsCode = s.Seller.CustomsDistrict,
            EbpCode = s.Platform.Code,
            EbpName = s.Platform.Name,
            OrderNo = s.OrderNo,
            LogisticsCode = s.Logistics.Code,
            LogisticsName = s.Logistics.Name,
            LogisticsNo = s.LogisticsNo,
            CopNo = s.CopNo,
            IeFlag = "E",
            PortCode = s.PortCode,
            IeDate = d.AppTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            StatisticsFlag = "B",
            AgentCode = s.Agent.Code,
            AgentName = s.Agent.Name,
            EbcCode = s.Seller.Code,
            EbcName = s.Seller.Name,
            OwnerCode = s.Seller.Code,
            OwnerName = s.Seller.Name,
            IacCode = bonded ? (s.Warehouse ?? s.Logistics).Code : null,
            IacName = bonded ? (s.Warehouse ?? s.Logistics).Name : null,
            EmsNo = bonded ? Format.EmsNo(s) : null,
            TradeMode = s.Mode switch { SimTradeMode.Export9710 => "9710", SimTradeMode.Export9810 => "9810", SimTradeMode.Export1210 => "1210", _ => "9610" },
            TrafMode = s.TrafMode,
            Country = s.Country,
            POD = s.Country,
            Freight = s.Freight,
            FCurrency = "142",
            FFlag = "3",
            InsuredFee = 0m,
            ICurrency = "142",
            IFlag = "3",
            WrapType = s.IsB2B ? "2" : "6",
            PackNo = s.IsB2B ? Math.Max(1, s.Lines.Count) : 1,
            GrossWeight = s.GrossKg,
            NetWeight = s.NetKg,
            Note = d.Note,
        };
        var inv = new Inventory { InventoryHead = head };
        foreach (var l in s.Lines)
        {
            var p = l.Product;
            inv.InventoryList.Add(new InventoryList
            {
                Gnum = l.Gnum,
                ItemNo = l.ItemNo,
                ItemRecordNo = bonded ? Format.ItemRecordNo(s, l) : null,
                ItemName = p.Name,
                Gcode = p.Hs,
                Gname = p.Name,
                Gmodel = l.Gmodel,
                BarCode = l.BarCode,
                Country = s.Country,
                Currency = "142",
                Qty = l.Qty,
                Qty1 = p.QuantityIn(p.Unit1, l.Qty),
                Qty2 = p.Unit2 is null ? null : p.QuantityIn(p.Unit2, l.Qty),
                Unit = p.Unit,
                Unit1 = p.Unit1,
                Unit2 = p.Unit2,
                Price = l.Price,
                TotalPrice = l.Total,
            });
        }
        return inv;
    }
}
