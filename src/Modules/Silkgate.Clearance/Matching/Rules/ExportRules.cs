using Silkgate.Ceb;

namespace Silkgate.Clearance.Matching.Rules;

/// <summary>
/// The receipt's <c>charge</c> ("the payment firm's transaction amount of the order") equals what the order says the
/// buyer pays: goodsValue (FOB, non-cash deductions included) + freight; with
/// <see cref="MatchingOptions.ExportChargeIncludesFreight"/> off, goodsValue alone.
/// </summary>
internal sealed class ReceiptChargeMustEqualOrderValue : ISaleRule
{
    public string Name => nameof(ReceiptChargeMustEqualOrderValue);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is { } o && sale.Payment is { } r)
        {
            long? expected = options.ExportChargeIncludesFreight ? (o.GoodsValue ?? 0) + (o.Freight ?? 0) : o.GoodsValue;
            var field = options.ExportChargeIncludesFreight ? "goodsValue+freight ~ charge" : "goodsValue ~ charge";
            RuleKit.Amounts(found, Name, field, expected, r.Charge, CebDocumentKind.Order, CebDocumentKind.PaymentReceipt, options);
        }
    }
}

/// <summary>The receipt names the order's e-commerce enterprise (ebcCode) and platform.</summary>
internal sealed class ReceiptMustNameTheOrderEnterprise : ISaleRule
{
    public string Name => nameof(ReceiptMustNameTheOrderEnterprise);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is { } o && sale.Payment is { } r)
        {
            RuleKit.Texts(found, Name, "ebcCode", o.EbcCode, r.EbcCode, CebDocumentKind.Order, CebDocumentKind.PaymentReceipt);
        }
    }
}

/// <summary>Export amounts are in one currency: the receipt's and the list lines' currency is the order's.</summary>
internal sealed class CurrencyMustAgreeAcrossDocuments : ISaleRule
{
    public string Name => nameof(CurrencyMustAgreeAcrossDocuments);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is not { Currency: { } currency })
        {
            return;
        }

        if (sale.Payment is { Currency: { } r })
        {
            RuleKit.Texts(found, Name, "currency", currency, r, CebDocumentKind.Order, CebDocumentKind.PaymentReceipt);
        }

        foreach (var line in sale.List?.Lines.Where(l => l.Currency is not null) ?? [])
        {
            RuleKit.Texts(found, Name, $"InventoryList[gnum={line.Gnum}]/currency", currency, line.Currency, CebDocumentKind.Order, CebDocumentKind.DeclarationList);
        }
    }
}

/// <summary>The export waybill's consignor (ebcCode, when given) is the list's.</summary>
internal sealed class WaybillMustNameTheListConsignor : ISaleRule
{
    public string Name => nameof(WaybillMustNameTheListConsignor);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.List is { } l && sale.Waybill is { EbcCode: { } w })
        {
            RuleKit.Texts(found, Name, "ebcCode", l.EbcCode, w, CebDocumentKind.DeclarationList, CebDocumentKind.Waybill);
        }
    }
}
