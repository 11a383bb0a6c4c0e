using System.Collections.Frozen;
using Silkgate.Ceb;
using Silkgate.Clearance.Matching.Rules;

namespace Silkgate.Clearance.Matching;

/// <summary>Readable Chinese and English texts of the checks, document kinds and mismatches.</summary>
internal static class MatchingText
{
    private static readonly FrozenDictionary<string, (string Zh, string En)> Checks = new Dictionary<string, (string, string)>
    {
        [nameof(OrderPaidMustEqualItsComponents)] = ("订单实际支付金额应等于商品价格+运杂费+代扣税款-非现金抵扣金额", "the order's amount paid must equal goods value + freight + tax − discount"),
        [nameof(OrderPaidMustEqualPaymentAmount)] = ("订单实际支付金额应与支付单支付金额一致", "the order's amount paid must equal the payment's amount"),
        [nameof(PaymentMustBeTheOneTheOrderNames)] = ("订单所列支付企业和支付交易编号应与支付单一致", "the payment firm and transaction number in the order must be the payment's"),
        [nameof(BuyerMustBeThePayer)] = ("订购人应与支付人一致（身份证、证件号码、姓名）", "the buyer must be the payer (identity card, id number, name)"),
        [nameof(ListBuyerMustBeTheOrderBuyer)] = ("清单订购人应与订单订购人一致", "the list's buyer must be the order's buyer"),
        [nameof(ConsigneeMustMatchTheWaybill)] = ("订单收货人姓名、电话、地址应与运单一致", "the order's consignee name, telephone and address must be the waybill's"),
        [nameof(WaybillMustCarryTheOrderNumber)] = ("运单所载订单编号应与订单一致", "the waybill must carry the sale's order number"),
        [nameof(CurrencyMustBeRenminbi)] = ("跨境零售进口币制应为人民币（142）", "retail import amounts must be in renminbi (142)"),
        [nameof(ListMustNameTheOrderEnterprise)] = ("清单电商企业应与订单一致", "the list's e-commerce enterprise must be the order's"),
        [nameof(ListTradeModeMustSuitTheOrderType)] = ("清单贸易方式应与订单类型相符", "the list's trade mode must suit the order type"),
        [nameof(OrderLinesMustMatchListLines)] = ("订单商品应与清单商品按序号逐项一致（商品、数量、单价、总价）", "order lines must match list lines by gnum (item, quantity, price, total)"),
        [nameof(ListGoodsTotalMustEqualOrderGoodsValue)] = ("清单商品总价应等于订单商品金额", "the list's goods total must equal the order's goods value"),
        [nameof(ReceiptChargeMustEqualOrderValue)] = ("收款金额应与订单金额一致", "the receipt's charge must equal the order's value"),
        [nameof(ReceiptMustNameTheOrderEnterprise)] = ("收款单电商企业应与订单一致", "the receipt's e-commerce enterprise must be the order's"),
        [nameof(CurrencyMustAgreeAcrossDocuments)] = ("收款单、清单币制应与订单一致", "the receipt's and the list's currency must be the order's"),
        [nameof(WaybillMustNameTheListConsignor)] = ("运单收发货人应与清单电商企业一致", "the waybill's consignor must be the list's e-commerce enterprise"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static (string Zh, string En) Check(string name) => Checks.TryGetValue(name, out var t) ? t : (name, name);

    public static IEnumerable<string> CheckNames => Checks.Keys;

    public static (string Zh, string En) Kind(CebDocumentKind kind) => kind switch
    {
        CebDocumentKind.Order => ("订单", "order"),
        CebDocumentKind.Payment => ("支付单", "payment"),
        CebDocumentKind.PaymentReceipt => ("收款单", "payment receipt"),
        CebDocumentKind.Waybill => ("运单", "waybill"),
        CebDocumentKind.DeclarationList => ("清单", "list"),
        _ => (kind.ToString(), kind.ToString()),
    };

    /// <summary>One line per mismatch: the rule, the field and both values.</summary>
    public static (string Zh, string En) Describe(Mismatch m)
    {
        var check = Check(m.Check);
        var a = Kind(m.KindA);
        var b = Kind(m.KindB);
        return m.KindA == m.KindB
            ? ($"{check.Zh}：{a.Zh} {m.Field} 为[{m.ValueA}]，应为[{m.ValueB}]", $"{check.En}: {a.En} {m.Field} is [{m.ValueA}], expected [{m.ValueB}]")
            : ($"{check.Zh}：{m.Field} {a.Zh}为[{m.ValueA}]，{b.Zh}为[{m.ValueB}]", $"{check.En}: {m.Field} is [{m.ValueA}] in the {a.En} and [{m.ValueB}] in the {b.En}");
    }

    public static (string Zh, string En) Missing(IEnumerable<CebDocumentKind> kinds)
    {
        var list = kinds.Select(Kind).ToList();
        return (string.Join("、", list.Select(k => k.Zh)), string.Join(", ", list.Select(k => k.En)));
    }
}
