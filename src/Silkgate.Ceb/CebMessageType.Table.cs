using System.Collections.Frozen;

namespace Silkgate.Ceb;

public sealed partial class CebMessageType
{
    private const CebDirection E = CebDirection.Export;
    private const CebDirection I = CebDirection.Import;
    private const CebMessageRole D = CebMessageRole.Declaration;
    private const CebMessageRole R = CebMessageRole.Receipt;
    private const CebMessageRole N = CebMessageRole.CustomsNotice;
    // 2999 "other business logic error" is the transport-level code used where the specification has no family.
    private const string Other = "2999";

    public static readonly CebMessageType Ceb303 = new(303, E, CebDocumentKind.Order, D, 304, "-301", "-301008", "export order", "出口电子订单");
    public static readonly CebMessageType Ceb304 = new(304, E, CebDocumentKind.Order, R, null, "-301", "-301008", "export order receipt", "出口电子订单回执");
    public static readonly CebMessageType Ceb403 = new(403, E, CebDocumentKind.PaymentReceipt, D, 404, "-401", "-401009", "export payment receipt", "收款单");
    public static readonly CebMessageType Ceb404 = new(404, E, CebDocumentKind.PaymentReceipt, R, null, "-401", "-401009", "payment receipt receipt", "收款单回执");
    public static readonly CebMessageType Ceb505 = new(505, E, CebDocumentKind.Waybill, D, 506, "-504", "-504011", "export waybill", "出口运单");
    public static readonly CebMessageType Ceb506 = new(506, E, CebDocumentKind.Waybill, R, null, "-504", "-504011", "export waybill receipt", "出口运单回执");
    public static readonly CebMessageType Ceb507 = new(507, E, CebDocumentKind.Arrival, D, 508, null, Other, "arrival", "运抵单");
    public static readonly CebMessageType Ceb508 = new(508, E, CebDocumentKind.Arrival, R, null, null, Other, "arrival receipt", "运抵单回执");
    public static readonly CebMessageType Ceb509 = new(509, E, CebDocumentKind.Departure, D, 510, null, Other, "departure", "离境单");
    public static readonly CebMessageType Ceb510 = new(510, E, CebDocumentKind.Departure, R, null, null, Other, "departure receipt", "离境单回执");
    public static readonly CebMessageType Ceb603 = new(603, E, CebDocumentKind.DeclarationList, D, 604, "-621", "-621001", "export declaration list", "出口申报清单");
    public static readonly CebMessageType Ceb604 = new(604, E, CebDocumentKind.DeclarationList, R, null, "-621", "-621001", "export list receipt", "出口清单回执");
    public static readonly CebMessageType Ceb605 = new(605, E, CebDocumentKind.ListCancel, D, 606, "-623", "-623001", "export list cancellation", "出口撤销申请单");
    public static readonly CebMessageType Ceb606 = new(606, E, CebDocumentKind.ListCancel, R, null, "-623", "-623001", "export cancellation receipt", "出口撤销申请单回执");
    public static readonly CebMessageType Ceb607 = new(607, E, CebDocumentKind.MasterSubWaybill, D, 608, null, Other, "master/sub waybill", "清单总分单");
    public static readonly CebMessageType Ceb608 = new(608, E, CebDocumentKind.MasterSubWaybill, R, null, null, Other, "master/sub waybill receipt", "清单总分单回执");
    public static readonly CebMessageType Ceb213 = new(213, E, CebDocumentKind.Return, D, 214, "-625", "-625001", "export return", "出口退货申请单");
    public static readonly CebMessageType Ceb214 = new(214, E, CebDocumentKind.Return, R, null, "-625", "-625001", "export return receipt", "出口退货申请单回执");
    public static readonly CebMessageType Ceb215 = new(215, E, CebDocumentKind.ReturnTally, D, 216, null, Other, "return tally", "理货明细单");
    public static readonly CebMessageType Ceb216 = new(216, E, CebDocumentKind.ReturnTally, R, null, null, Other, "return tally receipt", "理货明细单回执");
    public static readonly CebMessageType Ceb701 = new(701, E, CebDocumentKind.SummaryApplication, D, 702, null, Other, "summary application", "汇总申请单");
    public static readonly CebMessageType Ceb702 = new(702, E, CebDocumentKind.SummaryApplication, R, null, null, Other, "summary application receipt", "汇总申请单回执");
    public static readonly CebMessageType Ceb792 = new(792, E, CebDocumentKind.SummaryResult, N, null, null, Other, "summary result", "汇总结果单");
    public static readonly CebMessageType Ceb311 = new(311, I, CebDocumentKind.Order, D, 312, "-301", "-301008", "import order", "进口电子订单");
    public static readonly CebMessageType Ceb312 = new(312, I, CebDocumentKind.Order, R, null, "-301", "-301008", "import order receipt", "进口电子订单回执");
    public static readonly CebMessageType Ceb411 = new(411, I, CebDocumentKind.Payment, D, 412, "-401", "-401009", "payment", "支付单");
    public static readonly CebMessageType Ceb412 = new(412, I, CebDocumentKind.Payment, R, null, "-401", "-401009", "payment receipt", "支付单回执");
    public static readonly CebMessageType Ceb511 = new(511, I, CebDocumentKind.Waybill, D, 512, "-504", "-504011", "import waybill", "进口运单");
    public static readonly CebMessageType Ceb512 = new(512, I, CebDocumentKind.Waybill, R, null, "-504", "-504011", "import waybill receipt", "进口运单回执");
    public static readonly CebMessageType Ceb513 = new(513, I, CebDocumentKind.WaybillStatus, D, 514, "-505", "-505011", "waybill status", "运单状态");
    public static readonly CebMessageType Ceb514 = new(514, I, CebDocumentKind.WaybillStatus, R, null, "-505", "-505011", "waybill status receipt", "运单状态回执");
    public static readonly CebMessageType Ceb621 = new(621, I, CebDocumentKind.DeclarationList, D, 622, "-621", "-621001", "import declaration list", "进口清单");
    public static readonly CebMessageType Ceb622 = new(622, I, CebDocumentKind.DeclarationList, R, null, "-621", "-621001", "import list receipt", "进口清单回执");
    public static readonly CebMessageType Ceb623 = new(623, I, CebDocumentKind.ListCancel, D, 624, "-623", "-623001", "import list cancellation", "撤销申请单");
    public static readonly CebMessageType Ceb624 = new(624, I, CebDocumentKind.ListCancel, R, null, "-623", "-623001", "cancellation receipt", "撤销申请单回执");
    public static readonly CebMessageType Ceb625 = new(625, I, CebDocumentKind.Return, D, 626, "-625", "-625001", "import return", "退货申请单");
    public static readonly CebMessageType Ceb626 = new(626, I, CebDocumentKind.Return, R, null, "-625", "-625001", "import return receipt", "退货申请单回执");
    public static readonly CebMessageType Ceb711 = new(711, I, CebDocumentKind.Delivery, D, 712, "-800", "-800001", "delivery (warehouse entry)", "入库明细单");
    public static readonly CebMessageType Ceb712 = new(712, I, CebDocumentKind.Delivery, R, null, "-800", "-800001", "delivery receipt", "入库明细单回执");
    public static readonly CebMessageType Ceb816 = new(816, I, CebDocumentKind.TaxBill, N, null, null, Other, "electronic tax bill", "电子税单");
    public static readonly CebMessageType Ceb818 = new(818, I, CebDocumentKind.TaxBillStatus, N, null, null, Other, "tax bill status", "电子税单状态");
    public static readonly CebMessageType Ceb900 = new(900, I, CebDocumentKind.FormatCheck, R, null, null, "0002", "format check receipt", "报文格式校验回执");

    /// <summary>Every message type of the 202205 edition.</summary>
    public static IReadOnlyList<CebMessageType> All { get; } =
    [
        Ceb303, Ceb304, Ceb403, Ceb404, Ceb505, Ceb506, Ceb507, Ceb508, Ceb509, Ceb510, Ceb603, Ceb604, Ceb605, Ceb606,
        Ceb607, Ceb608, Ceb213, Ceb214, Ceb215, Ceb216, Ceb701, Ceb702, Ceb792,
        Ceb311, Ceb312, Ceb411, Ceb412, Ceb511, Ceb512, Ceb513, Ceb514, Ceb621, Ceb622, Ceb623, Ceb624, Ceb625, Ceb626,
        Ceb711, Ceb712, Ceb816, Ceb818, Ceb900,
    ];

    private static readonly FrozenDictionary<int, CebMessageType> ByCode = All.ToFrozenDictionary(t => t.Code);
    private static readonly FrozenDictionary<string, CebMessageType> ByRoot = All.ToFrozenDictionary(t => t.RootName, StringComparer.Ordinal);
}
