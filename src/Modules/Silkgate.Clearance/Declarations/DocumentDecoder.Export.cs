using Ex = Silkgate.Ceb.Export;

namespace Silkgate.Clearance.Declarations;

internal sealed partial class DocumentDecoder
{
    private static DocumentFacts ExportOrder(Ex.Order o)
    {
        var h = o.OrderHead;
        return new DocumentFacts
        {
            EbpCode = Text(h.EbpCode), EbcCode = Text(h.EbcCode), OrderNo = Text(h.OrderNo), OrderType = Text(h.OrderType),
            Currency = Text(h.Currency), GoodsValue = Units(h.GoodsValue), Freight = Units(h.Freight),
            Lines = o.OrderList.Select(l => new LineFacts(l.Gnum ?? 0, Text(l.ItemNo), Text(l.ItemName), Units(l.Qty), Units(l.Price), Units(l.TotalPrice), Text(l.Currency))).ToList(),
        };
    }

    private static DocumentFacts ExportReceipt(Ex.Receipts r) => new()
    {
        EbpCode = Text(r.EbpCode), EbcCode = Text(r.EbcCode), OrderNo = Text(r.OrderNo), PayCode = Text(r.PayCode),
        PayTransactionId = Text(r.PayNo), Currency = Text(r.Currency), Charge = Units(r.Charge),
    };

    private static DocumentFacts ExportWaybill(Ex.Logistics l) => new()
    {
        LogisticsCode = Text(l.LogisticsCode), LogisticsNo = Text(l.LogisticsNo), EbcCode = Text(l.EbcCode), Currency = Text(l.Currency),
        Freight = Units(l.Freight), InsuredFee = Units(l.InsuredFee),
    };

    private static DocumentFacts ExportList(Ex.Inventory v)
    {
        var h = v.InventoryHead;
        return new DocumentFacts
        {
            EbpCode = Text(h.EbpCode), EbcCode = Text(h.EbcCode), OrderNo = Text(h.OrderNo), LogisticsCode = Text(h.LogisticsCode),
            LogisticsNo = Text(h.LogisticsNo), AgentCode = Text(h.AgentCode), CopNo = Text(h.CopNo), InvtNo = Text(h.InvtNo),
            TradeMode = Text(h.TradeMode), CustomsCode = Text(h.CustomsCode), Freight = Units(h.Freight), InsuredFee = Units(h.InsuredFee),
            Lines = v.InventoryList.Select(l => new LineFacts(l.Gnum ?? 0, Text(l.ItemNo), Text(l.ItemName), Units(l.Qty), Units(l.Price), Units(l.TotalPrice), Text(l.Currency))).ToList(),
        };
    }
}
