using System.Globalization;
using Silkgate.Ceb.Import;

namespace Silkgate.Simulation.Documents;

/// <summary>Business entities of import documents: order 311, payment 411, waybill 511, list 621.</summary>
internal static class ImportEntities
{
    public static Order Order(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        var b = s.Buyer!;
        var c = s.Consignee!;
        var order = new Order
        {
            OrderHead = new OrderHead
            {
                Guid = d.HeadGuid,
                AppType = d.AppType,
                AppTime = Format.Time(d.AppTime),
                AppStatus = appStatus,
                OrderType = "I",
                OrderNo = s.OrderNo,
                EbpCode = s.Platform.Code,
                EbpName = s.Platform.Name,
                EbcCode = s.Seller.Code,
                EbcName = s.Seller.Name,
                GoodsValue = s.GoodsValue,
                Freight = s.Freight,
                Discount = s.Discount,
                TaxTotal = s.Tax,
                ActuralPaid = s.Paid,
                Currency = "142",
                BuyerRegNo = b.RegNo,
                BuyerName = b.Name,
                BuyerTelephone = b.Phone,
                BuyerIdType = "1",
                BuyerIdNumber = b.IdNumber,
                PayCode = s.Payment.Code,
                PayName = s.Payment.Name,
                PayTransactionId = s.PayNo,
                Consignee = c.Name,
                ConsigneeTelephone = c.Phone,
                ConsigneeAddress = c.Address,
                ConsigneeDistrict = c.District,
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
                Gmodel = l.Gmodel,
                BarCode = l.BarCode,
                Unit = l.Product.Unit,
                Qty = l.Qty,
                Price = l.Price,
                TotalPrice = l.Total,
                Currency = "142",
                Country = l.Origin,
            });
        }
        return order;
    }

    public static Payment Payment(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        var b = s.Buyer!;
        return new Payment
        {
            PaymentHead = new PaymentHead
            {
                Guid = d.HeadGuid,
                AppType = d.AppType,
                AppTime = Format.Time(d.AppTime),
                AppStatus = appStatus,
                PayCode = s.Payment.Code,
                PayName = s.Payment.Name,
                PayTransactionId = s.PayNo,
                OrderNo = s.OrderNo,
                EbpCode = s.Platform.Code,
                EbpName = s.Platform.Name,
                PayerIdType = "1",
                PayerIdNumber = b.IdNumber,
                PayerName = b.Name,
                Telephone = b.Phone,
                AmountPaid = s.PaidOverride ?? s.Paid,
                Currency = "142",
                PayTime = Format.Time(s.OrderedAt.AddSeconds(40)),
                Note = d.Note,
            },
        };
    }

    public static Logistics Waybill(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        var c = s.WaybillConsignee ?? s.Consignee!;
        return new Logistics
        {
            LogisticsHead = new LogisticsHead
            {
                Guid = d.HeadGuid,
                AppType = d.AppType,
                AppTime = Format.Time(d.AppTime),
                AppStatus = appStatus,
                LogisticsCode = s.Logistics.Code,
                LogisticsName = s.Logistics.Name,
                LogisticsNo = s.LogisticsNo,
                BillNo = s.Mode == SimTradeMode.Import9610 ? Format.BillNo(s) : null,
                OrderNo = s.OrderNo,
                Freight = s.Freight,
                InsuredFee = 0m,
                Currency = "142",
                Weight = s.GrossKg,
                PackNo = 1,
                GoodsInfo = Format.GoodsInfo(s),
                Consignee = c.Name,
                ConsigneeAddress = c.Address,
                ConsigneeTelephone = c.Phone,
                Note = d.Note,
            },
        };
    }

    public static Inventory List(PlannedDocument d, string appStatus)
    {
        var s = d.Sale;
        var b = s.Buyer!;
        var bonded = s.Mode == SimTradeMode.Import1210;
        var area = s.Warehouse ?? s.Logistics;
        var head = new InventoryHead
        {
            Guid = d.HeadGuid,
            AppType = d.AppType,
            AppTime = Format.Time(d.AppTime),
            AppStatus = appStatus,
            OrderNo = s.OrderNo,
            EbpCode = s.Platform.Code,
            EbpName = s.Platform.Name,
            EbcCode = s.Seller.Code,
            EbcName = s.Seller.Name,
            LogisticsNo = s.LogisticsNo,
            LogisticsCode = s.Logistics.Code,
            LogisticsName = s.Logistics.Name,
            CopNo = s.CopNo,
            AssureCode = s.Agent.Code,
            EmsNo = bonded ? Format.EmsNo(s) : null,
            IeFlag = "I",
            DeclTime = d.AppTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            CustomsCode = s.Seller.CustomsDistrict,
            PortCode = s.PortCode,
            IeDate = bonded ? null : d.AppTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            BuyerIdType = "1",
            BuyerIdNumber = b.IdNumber,
            BuyerName = b.Name,
            BuyerTelephone = b.Phone,
            ConsigneeAddress = s.Consignee!.Address,
            AgentCode = s.Agent.Code,
            AgentName = s.Agent.Name,
            AreaCode = bonded ? area.Code : null,
            AreaName = bonded ? area.Name : null,
            TradeMode = bonded ? "1210" : "9610",
            TrafMode = s.TrafMode,
            TrafNo = bonded ? null : "CA" + (1000 + (s.Serial % 9000)).ToString(CultureInfo.InvariantCulture),
            VoyageNo = bonded ? null : s.OrderedAt.ToString("MMdd", CultureInfo.InvariantCulture),
            BillNo = bonded ? null : Format.BillNo(s),
            Country = bonded ? "142" : s.Country,
            Freight = s.Freight,
            InsuredFee = 0m,
            Currency = "142",
            WrapType = "2",
            PackNo = 1,
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
                ItemRecordNo = bonded ? Format.ItemRecordNo(s, l) : null,
                ItemNo = l.ItemNo,
                ItemName = p.Name,
                Gcode = p.Hs,
                Gname = p.Name,
                Gmodel = l.Gmodel,
                BarCode = l.BarCode,
                Country = l.Origin,
                TradeCountry = l.Origin,
                Currency = "142",
                Qty = l.Qty,
                Unit = p.Unit,
                Qty1 = p.QuantityIn(p.Unit1, l.Qty),
                Unit1 = p.Unit1,
                Qty2 = p.Unit2 is null ? null : p.QuantityIn(p.Unit2, l.Qty),
                Unit2 = p.Unit2,
                Price = l.Price,
                TotalPrice = l.Total,
            });
        }
        return inv;
    }
}
