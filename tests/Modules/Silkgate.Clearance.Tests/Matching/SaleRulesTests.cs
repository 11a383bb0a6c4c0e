using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Matching;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Matching;

/// <summary>Each check, without a database: decode the four documents of a sale, break one field, expect one named mismatch with both values.</summary>
public sealed class SaleRulesTests
{
    private static readonly DocumentDecoder Decoder = Decoding.Decoder;

    private static SaleVerdict Evaluate(CebDirection direction, MatchingOptions? options = null, params CebMessage[] messages)
    {
        var docs = messages.SelectMany(m => Decoder.Decode(m)).Select((d, i) => new SaleDocument(i, d.Kind, d.AppStatus == 2 ? DocumentStatus.Declared : DocumentStatus.Saved, d.Facts));
        return SaleMatching.Evaluate(new SaleDocuments(direction, docs), options ?? new MatchingOptions());
    }

    private static SaleVerdict Import(Sale s, CebMessage? replace = null) => Evaluate(CebDirection.Import, null,
        s.Kinds.Select(k => replace is not null && replace.MessageType.Kind == k ? replace : s.Message(k)).ToArray());

    private static SaleVerdict Export(Sale s, CebMessage? replace = null, MatchingOptions? options = null) => Evaluate(CebDirection.Export, options,
        s.Kinds.Select(k => replace is not null && replace.MessageType.Kind == k ? replace : s.Message(k)).ToArray());

    private static Mismatch Only(SaleVerdict verdict)
    {
        Assert.Equal(SaleState.Mismatched, verdict.State);
        return Assert.Single(verdict.Mismatches);
    }

    [Fact]
    public void Agreeing_documents_match()
    {
        Assert.Equal(SaleState.Ready, Import(new Sale(CebDirection.Import, "9610")).State);
        Assert.Equal(SaleState.Ready, Export(new Sale(CebDirection.Export, "9610")).State);
    }

    [Fact]
    public void Order_paid_must_equal_the_payment_amount()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var m = Only(Import(s, s.ImportPayment(h => h.AmountPaid = 65.49m)));
        Assert.Equal(("OrderPaidMustEqualPaymentAmount", "65.5", "65.49", CebDocumentKind.Order, CebDocumentKind.Payment), (m.Check, m.ValueA, m.ValueB, m.KindA, m.KindB));
        Assert.Contains("amountPaid", m.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_paid_must_equal_its_components()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var verdict = Import(s, s.ImportOrder(h => h.Discount = 1m));
        var m = Assert.Single(verdict.Mismatches, x => x.Check == "OrderPaidMustEqualItsComponents");
        Assert.Equal(("65.5", "64.5"), (m.ValueA, m.ValueB));
    }

    [Fact]
    public void The_buyer_must_be_the_payer_and_is_shown_masked()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var other = "330102198001011234";
        var m = Only(Import(s, s.ImportPayment(h => h.PayerIdNumber = other)));
        Assert.Equal(("BuyerMustBeThePayer", "buyerIdNumber ~ payerIdNumber"), (m.Check, m.Field));
        Assert.Equal(s.BuyerId[..3] + "***********" + s.BuyerId[^4..], m.ValueA);
        Assert.Equal("330***********1234", m.ValueB);
    }

    [Fact]
    public void The_payer_name_must_be_the_buyer_name()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var m = Only(Import(s, s.ImportPayment(h => h.PayerName = "王五")));
        Assert.Equal(("buyerName ~ payerName", "张*", "王*"), (m.Field, m.ValueA, m.ValueB));
    }

    [Fact]
    public void The_payer_must_be_identified_by_an_identity_card()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var verdict = Import(s, s.ImportPayment(h => h.PayerIdType = "2"));
        Assert.Contains(verdict.Mismatches, x => x.Field == "payerIdType" && x.ValueA == "2" && x.ValueB == "1");
    }

    [Theory]
    [InlineData("consignee", "李*", "赵*")]
    [InlineData("consigneeTelephone", "139****0000", "139****9999")]
    [InlineData("consigneeAddress", "浙江省杭州市***", "浙江省宁波市***")]
    public void The_consignee_must_match_the_waybill(string field, string a, string b)
    {
        var s = new Sale(CebDirection.Import, "9610");
        var waybill = s.ImportWaybill(h =>
        {
            if (field == "consignee") { h.Consignee = "赵六"; }
            if (field == "consigneeTelephone") { h.ConsigneeTelephone = "13900009999"; }
            if (field == "consigneeAddress") { h.ConsigneeAddress = "浙江省宁波市鄞州区1号"; }
        });
        var m = Only(Import(s, waybill));
        Assert.Equal(("ConsigneeMustMatchTheWaybill", field, a, b, CebDocumentKind.Waybill), (m.Check, m.Field, m.ValueA, m.ValueB, m.KindB));
    }

    [Fact]
    public void Consignee_comparison_ignores_white_space()
    {
        var s = new Sale(CebDirection.Import, "9610");
        Assert.Equal(SaleState.Ready, Import(s, s.ImportWaybill(h => h.Consignee = " 李 四 ")).State);
    }

    [Theory]
    [InlineData("itemNo", "SKU2", "SKU9")]
    [InlineData("qty", "2", "3")]
    [InlineData("price", "12.5", "12")]
    [InlineData("totalPrice", "25", "24")]
    public void Order_lines_must_match_list_lines_by_gnum(string field, string a, string b)
    {
        var s = new Sale(CebDirection.Import, "9610");
        var list = s.ImportList(v =>
        {
            var l = v.InventoryList[1];
            if (field == "itemNo") { l.ItemNo = "SKU9"; }
            if (field == "qty") { l.Qty = 3m; }
            if (field == "price") { l.Price = 12m; }
            if (field == "totalPrice") { l.TotalPrice = 24m; }
        });
        var m = Assert.Single(Import(s, list).Mismatches, x => x.Check == "OrderLinesMustMatchListLines");
        Assert.Equal(($"OrderList[gnum=2]/{field}", a, b), (m.Field, m.ValueA, m.ValueB));
    }

    [Fact]
    public void A_line_on_one_side_only_is_a_mismatch()
    {
        var s = new Sale(CebDirection.Export, "9610");
        var verdict = Export(s, s.ExportList(v => v.InventoryList.RemoveAt(1)));
        Assert.Contains(verdict.Mismatches, x => x.Field == "OrderList[gnum=2]" && x.ValueA == "SKU2" && x.ValueB is null);
        Assert.Contains(verdict.Mismatches, x => x.Check == "ListGoodsTotalMustEqualOrderGoodsValue" && x.ValueA == "50" && x.ValueB == "25");
    }

    [Fact]
    public void Import_amounts_must_be_in_renminbi()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var m = Only(Import(s, s.ImportPayment(h => h.Currency = "502")));
        Assert.Equal(("CurrencyMustBeRenminbi", "currency", "502", "142", CebDocumentKind.Payment), (m.Check, m.Field, m.ValueA, m.ValueB, m.KindA));
    }

    [Fact]
    public void The_list_buyer_must_be_the_order_buyer()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var m = Only(Import(s, s.ImportList(v => v.InventoryHead.BuyerName = "张四")));
        Assert.Equal(("ListBuyerMustBeTheOrderBuyer", "buyerName"), (m.Check, m.Field));
    }

    [Fact]
    public void The_order_must_name_the_payment()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var m = Only(Import(s, s.ImportOrder(h => h.PayTransactionId = "OTHER")));
        Assert.Equal(("PaymentMustBeTheOneTheOrderNames", "payTransactionId", "OTHER"), (m.Check, m.Field, m.ValueA));
    }

    [Fact]
    public void The_list_must_name_the_order_enterprise()
    {
        var s = new Sale(CebDirection.Export, "9610");
        var m = Assert.Single(Export(s, s.ExportList(v => v.InventoryHead.EbcCode = "3301000000")).Mismatches, x => x.Check == "ListMustNameTheOrderEnterprise");
        Assert.Equal(("ListMustNameTheOrderEnterprise", "ebcCode", "3301000000", CebDocumentKind.DeclarationList), (m.Check, m.Field, m.ValueB, m.KindB));
    }

    [Fact]
    public void The_trade_mode_must_suit_the_order_type()
    {
        var s = new Sale(CebDirection.Export, "9710");
        var m = Only(Export(s, s.ExportList(v => v.InventoryHead.TradeMode = "9610")));
        Assert.Equal(("ListTradeModeMustSuitTheOrderType", "B", "9610"), (m.Check, m.ValueA, m.ValueB));
    }

    [Fact]
    public void The_receipt_charge_must_equal_goods_value_plus_freight()
    {
        var s = new Sale(CebDirection.Export, "9610");
        var m = Only(Export(s, s.ExportReceipt(r => r.Charge = 50m)));
        Assert.Equal(("ReceiptChargeMustEqualOrderValue", "58", "50"), (m.Check, m.ValueA, m.ValueB));
        Assert.Equal(SaleState.Ready, Export(s, s.ExportReceipt(r => r.Charge = 50m), new MatchingOptions { ExportChargeIncludesFreight = false }).State);
    }

    [Fact]
    public void A_tolerance_lets_small_differences_pass()
    {
        var s = new Sale(CebDirection.Export, "9610");
        Assert.Equal(SaleState.Ready, Export(s, s.ExportReceipt(r => r.Charge = 58.01m), new MatchingOptions { AmountTolerance = 0.01m }).State);
        Assert.Equal(SaleState.Mismatched, Export(s, s.ExportReceipt(r => r.Charge = 58.02m), new MatchingOptions { AmountTolerance = 0.01m }).State);
    }

    [Fact]
    public void The_receipt_and_list_currency_must_be_the_order_currency()
    {
        var s = new Sale(CebDirection.Export, "9610");
        var m = Only(Export(s, s.ExportReceipt(r => r.Currency = "502")));
        Assert.Equal(("CurrencyMustAgreeAcrossDocuments", "142", "502"), (m.Check, m.ValueA, m.ValueB));
    }

    [Fact]
    public void The_export_waybill_must_name_the_list_consignor()
    {
        var s = new Sale(CebDirection.Export, "9610");
        var m = Only(Export(s, s.ExportWaybill(l => l.EbcCode = "3301000000")));
        Assert.Equal(("WaybillMustNameTheListConsignor", CebDocumentKind.Waybill), (m.Check, m.KindB));
    }

    [Fact]
    public void The_import_waybill_must_carry_the_order_number()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var m = Only(Import(s, s.ImportWaybill(h => h.OrderNo = "ELSEWHERE")));
        Assert.Equal(("WaybillMustCarryTheOrderNumber", s.OrderNo, "ELSEWHERE"), (m.Check, m.ValueA, m.ValueB));
    }

    [Fact]
    public void Disagreeing_documents_are_reported_before_the_rest_arrive()
    {
        var s = new Sale(CebDirection.Import, "9610");
        var verdict = Evaluate(CebDirection.Import, null, s.ImportOrder(), s.ImportPayment(h => h.AmountPaid = 1m));
        Assert.Equal(SaleState.Mismatched, verdict.State);
        Assert.Equal([CebDocumentKind.Waybill, CebDocumentKind.DeclarationList], verdict.Missing);
    }

    [Fact]
    public void Every_check_has_a_chinese_and_english_text()
    {
        foreach (var name in Silkgate.Clearance.Matching.Rules.SaleRules.AllNames)
        {
            var (zh, en) = MatchingText.Check(name);
            Assert.NotEqual(name, zh);
            Assert.NotEqual(name, en);
        }
    }

    [Fact]
    public void A_mismatch_reads_with_both_values_in_both_languages()
    {
        var text = MatchingText.Describe(new Mismatch("OrderPaidMustEqualPaymentAmount", "OrderHead/acturalPaid ~ PaymentHead/amountPaid", "65.5", "60", CebDocumentKind.Order, CebDocumentKind.Payment));
        Assert.Equal("订单实际支付金额应与支付单支付金额一致：OrderHead/acturalPaid ~ PaymentHead/amountPaid 订单为[65.5]，支付单为[60]", text.Zh);
        Assert.Contains("[65.5] in the order and [60] in the payment", text.En, StringComparison.Ordinal);
    }
}
