using Silkgate.Ceb;

namespace Silkgate.Clearance.Matching.Rules;

/// <summary>acturalPaid = goodsValue + freight + taxTotal − discount on the import order itself.</summary>
internal sealed class OrderPaidMustEqualItsComponents : ISaleRule
{
    public string Name => nameof(OrderPaidMustEqualItsComponents);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is not { } o)
        {
            return;
        }

        long expected = (o.GoodsValue ?? 0) + (o.Freight ?? 0) + (o.TaxTotal ?? 0) - (o.Discount ?? 0);
        RuleKit.Amounts(found, Name, "OrderHead/acturalPaid ~ goodsValue+freight+taxTotal-discount", o.ActuralPaid, expected,
            CebDocumentKind.Order, CebDocumentKind.Order, options);
    }
}

/// <summary>The order's acturalPaid equals the payment's amountPaid.</summary>
internal sealed class OrderPaidMustEqualPaymentAmount : ISaleRule
{
    public string Name => nameof(OrderPaidMustEqualPaymentAmount);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is { } o && sale.Payment is { } p)
        {
            RuleKit.Amounts(found, Name, "OrderHead/acturalPaid ~ PaymentHead/amountPaid", o.ActuralPaid, p.AmountPaid, CebDocumentKind.Order, CebDocumentKind.Payment, options);
        }
    }
}

/// <summary>The order names the payment (payCode, payTransactionId) that was received.</summary>
internal sealed class PaymentMustBeTheOneTheOrderNames : ISaleRule
{
    public string Name => nameof(PaymentMustBeTheOneTheOrderNames);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is { } o && sale.Payment is { } p)
        {
            RuleKit.Texts(found, Name, "payCode", o.PayCode, p.PayCode, CebDocumentKind.Order, CebDocumentKind.Payment);
            RuleKit.Texts(found, Name, "payTransactionId", o.PayTransactionId, p.PayTransactionId, CebDocumentKind.Order, CebDocumentKind.Payment);
        }
    }
}

/// <summary>Buyer = payer: both identified by a resident identity card (type 1), same number, same name.</summary>
internal sealed class BuyerMustBeThePayer : ISaleRule
{
    public string Name => nameof(BuyerMustBeThePayer);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order?.Buyer is { } buyer && sale.Payment?.Buyer is { } payer)
        {
            RuleKit.Texts(found, Name, "buyerIdType ~ payerIdType", buyer.IdType, payer.IdType, CebDocumentKind.Order, CebDocumentKind.Payment);
            if (payer.IdType != "1")
            {
                RuleKit.Texts(found, Name, "payerIdType", payer.IdType, "1", CebDocumentKind.Payment, CebDocumentKind.Payment);
            }

            RuleKit.People(found, Name, "buyerIdNumber ~ payerIdNumber", buyer.IdNumber, payer.IdNumber, CebDocumentKind.Order, CebDocumentKind.Payment);
            RuleKit.People(found, Name, "buyerName ~ payerName", buyer.Name, payer.Name, CebDocumentKind.Order, CebDocumentKind.Payment);
        }
    }
}

/// <summary>The list declares the order's buyer (the person whose limits it uses).</summary>
internal sealed class ListBuyerMustBeTheOrderBuyer : ISaleRule
{
    public string Name => nameof(ListBuyerMustBeTheOrderBuyer);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order?.Buyer is { } order && sale.List?.Buyer is { } list)
        {
            RuleKit.Texts(found, Name, "buyerIdType", order.IdType, list.IdType, CebDocumentKind.Order, CebDocumentKind.DeclarationList);
            RuleKit.People(found, Name, "buyerIdNumber", order.IdNumber, list.IdNumber, CebDocumentKind.Order, CebDocumentKind.DeclarationList);
            RuleKit.People(found, Name, "buyerName", order.Name, list.Name, CebDocumentKind.Order, CebDocumentKind.DeclarationList);
        }
    }
}

/// <summary>The order's consignee name, telephone and address are the waybill's.</summary>
internal sealed class ConsigneeMustMatchTheWaybill : ISaleRule
{
    public string Name => nameof(ConsigneeMustMatchTheWaybill);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order?.Consignee is { } o && sale.Waybill?.Consignee is { } w)
        {
            RuleKit.People(found, Name, "consignee", o.Name, w.Name, CebDocumentKind.Order, CebDocumentKind.Waybill);
            RuleKit.People(found, Name, "consigneeTelephone", o.Telephone, w.Telephone, CebDocumentKind.Order, CebDocumentKind.Waybill);
            RuleKit.People(found, Name, "consigneeAddress", o.Address, w.Address, CebDocumentKind.Order, CebDocumentKind.Waybill);
        }
    }
}

/// <summary>The import waybill carries the order number of the sale it was joined to through the list.</summary>
internal sealed class WaybillMustCarryTheOrderNumber : ISaleRule
{
    public string Name => nameof(WaybillMustCarryTheOrderNumber);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        var orderNo = sale.Order?.OrderNo ?? sale.List?.OrderNo;
        if (orderNo is not null && sale.Waybill is { OrderNo: { } waybillOrderNo })
        {
            RuleKit.Texts(found, Name, "orderNo", orderNo, waybillOrderNo, sale.Order is null ? CebDocumentKind.DeclarationList : CebDocumentKind.Order, CebDocumentKind.Waybill);
        }
    }
}

/// <summary>Retail import is paid and declared in renminbi (currency 142) on every document and line.</summary>
internal sealed class CurrencyMustBeRenminbi : ISaleRule
{
    private const string Renminbi = "142";

    public string Name => nameof(CurrencyMustBeRenminbi);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        foreach (var doc in sale.Documents)
        {
            if (doc.Facts.Currency is { } c && c != Renminbi)
            {
                found.Add(new Mismatch(Name, "currency", c, Renminbi, doc.Kind, doc.Kind));
            }

            foreach (var line in doc.Facts.Lines.Where(l => l.Currency is not null && l.Currency != Renminbi))
            {
                found.Add(new Mismatch(Name, $"{Lines.Element(doc.Kind)}[gnum={line.Gnum}]/currency", line.Currency, Renminbi, doc.Kind, doc.Kind));
            }
        }
    }
}
