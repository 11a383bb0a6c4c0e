using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Declarations;

internal sealed partial class DocumentDecoder
{
    private DocumentFacts ImportOrder(Im.Order o)
    {
        var h = o.OrderHead;
        return new DocumentFacts
        {
            EbpCode = Text(h.EbpCode), EbcCode = Text(h.EbcCode), OrderNo = Text(h.OrderNo), OrderType = Text(h.OrderType),
            PayCode = Text(h.PayCode), PayTransactionId = Text(h.PayTransactionId), Currency = Text(h.Currency),
            GoodsValue = Units(h.GoodsValue), Freight = Units(h.Freight), Discount = Units(h.Discount), TaxTotal = Units(h.TaxTotal),
            ActuralPaid = Units(h.ActuralPaid),
            Buyer = new PersonFacts(Text(h.BuyerIdType), personal.IdNumber(h.BuyerIdNumber), personal.Name(h.BuyerName), personal.Telephone(h.BuyerTelephone), null),
            Consignee = new PersonFacts(null, null, personal.Name(h.Consignee), personal.Telephone(h.ConsigneeTelephone), personal.Address(h.ConsigneeAddress)),
            Lines = o.OrderList.Select(l => new LineFacts(l.Gnum ?? 0, Text(l.ItemNo), Text(l.ItemName), Units(l.Qty), Units(l.Price), Units(l.TotalPrice), Text(l.Currency))).ToList(),
        };
    }

    private DocumentFacts ImportPayment(Im.PaymentHead h) => new()
    {
        EbpCode = Text(h.EbpCode), OrderNo = Text(h.OrderNo), PayCode = Text(h.PayCode), PayTransactionId = Text(h.PayTransactionId),
        Currency = Text(h.Currency), AmountPaid = Units(h.AmountPaid),
        Buyer = new PersonFacts(Text(h.PayerIdType), personal.IdNumber(h.PayerIdNumber), personal.Name(h.PayerName), personal.Telephone(h.Telephone), null),
    };

    private DocumentFacts ImportWaybill(Im.LogisticsHead h) => new()
    {
        LogisticsCode = Text(h.LogisticsCode), LogisticsNo = Text(h.LogisticsNo), OrderNo = Text(h.OrderNo), Currency = Text(h.Currency),
        Freight = Units(h.Freight), InsuredFee = Units(h.InsuredFee),
        Consignee = new PersonFacts(null, null, personal.Name(h.Consignee), personal.Telephone(h.ConsigneeTelephone), personal.Address(h.ConsigneeAddress)),
    };

    private DocumentFacts ImportList(Im.Inventory v)
    {
        var h = v.InventoryHead;
        return new DocumentFacts
        {
            EbpCode = Text(h.EbpCode), EbcCode = Text(h.EbcCode), OrderNo = Text(h.OrderNo), LogisticsCode = Text(h.LogisticsCode),
            LogisticsNo = Text(h.LogisticsNo), AgentCode = Text(h.AgentCode), CopNo = Text(h.CopNo), InvtNo = Text(h.InvtNo),
            TradeMode = Text(h.TradeMode), Currency = Text(h.Currency), CustomsCode = Text(h.CustomsCode),
            Freight = Units(h.Freight), InsuredFee = Units(h.InsuredFee),
            Buyer = new PersonFacts(Text(h.BuyerIdType), personal.IdNumber(h.BuyerIdNumber), personal.Name(h.BuyerName), personal.Telephone(h.BuyerTelephone), personal.Address(h.ConsigneeAddress)),
            Lines = v.InventoryList.Select(l => new LineFacts(l.Gnum ?? 0, Text(l.ItemNo), Text(l.ItemName), Units(l.Qty), Units(l.Price), Units(l.TotalPrice), Text(l.Currency))).ToList(),
        };
    }
}
