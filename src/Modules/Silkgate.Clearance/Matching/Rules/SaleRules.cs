using Silkgate.Ceb;

namespace Silkgate.Clearance.Matching.Rules;

/// <summary>The checks of each direction (business-rules.md, "The three documents and the list").</summary>
internal static class SaleRules
{
    public static readonly IReadOnlyList<ISaleRule> Import =
    [
        new OrderPaidMustEqualItsComponents(),
        new OrderPaidMustEqualPaymentAmount(),
        new PaymentMustBeTheOneTheOrderNames(),
        new BuyerMustBeThePayer(),
        new ListBuyerMustBeTheOrderBuyer(),
        new ConsigneeMustMatchTheWaybill(),
        new WaybillMustCarryTheOrderNumber(),
        new CurrencyMustBeRenminbi(),
        new ListMustNameTheOrderEnterprise(),
        new ListTradeModeMustSuitTheOrderType(),
        new OrderLinesMustMatchListLines(),
        new ListGoodsTotalMustEqualOrderGoodsValue(),
    ];

    public static readonly IReadOnlyList<ISaleRule> Export =
    [
        new ReceiptChargeMustEqualOrderValue(),
        new ReceiptMustNameTheOrderEnterprise(),
        new CurrencyMustAgreeAcrossDocuments(),
        new ListMustNameTheOrderEnterprise(),
        new WaybillMustNameTheListConsignor(),
        new ListTradeModeMustSuitTheOrderType(),
        new OrderLinesMustMatchListLines(),
        new ListGoodsTotalMustEqualOrderGoodsValue(),
    ];

    public static IReadOnlyList<ISaleRule> For(CebDirection direction) => direction == CebDirection.Import ? Import : Export;

    public static IEnumerable<string> AllNames => Import.Concat(Export).Select(r => r.Name).Distinct();
}
