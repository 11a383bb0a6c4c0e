using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Validation;
using Silkgate.Ceb.Writing;
using Exp = Silkgate.Ceb.Export;
using Imp = Silkgate.Ceb.Import;

namespace Silkgate.Ceb.Tests;

public class BusinessRuleTests
{
    public static TheoryData<int> AllTypes() => new(CebMessageType.All.Select(t => t.Code));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Samples_pass_every_check(int code)
    {
        var m = CebSamples.Create(CebMessageType.FromCode(code));
        Assert.Empty(CebValidator.Validate(m));
        Assert.True(CebValidator.Validate(CebWriter.ToBytes(m)).IsValid);
    }

    private static Imp.Ceb311Message Order() => (Imp.Ceb311Message)CebSamples.Create(CebMessageType.Ceb311);
    private static Exp.Ceb603Message ExportList() => (Exp.Ceb603Message)CebSamples.Create(CebMessageType.Ceb603);

    private static CebProblem Single(CebMessage m, string code)
    {
        var problems = CebValidator.ValidateBusiness(m);
        return Assert.Single(problems, p => p.Code == code);
    }

    [Fact]
    public void Unknown_currency_is_reported_with_path_and_order_family_code()
    {
        var m = Order();
        m.Order[0].OrderList[1].Currency = "999";
        var p = Single(m, "business.currency");
        Assert.Equal("Order[1]/OrderList[2]/currency", p.Path);
        Assert.Equal("-301008", p.CustomsCode);
    }

    [Fact]
    public void Unknown_unit_country_and_district_are_reported()
    {
        var m = ExportList();
        m.Inventory[0].InventoryList[2].Unit = "999";
        m.Inventory[0].InventoryList[0].Country = "000";
        m.Inventory[0].InventoryHead.CustomsCode = "0001";
        var problems = CebValidator.ValidateBusiness(m);
        Assert.Contains(problems, p => p.Code == "business.unit" && p.Path == "Inventory[1]/InventoryList[3]/unit" && p.CustomsCode == "-621001");
        Assert.Contains(problems, p => p.Code == "business.country");
        Assert.Contains(problems, p => p.Code == "business.customs-district");
    }

    [Fact]
    public void Gnum_gap_and_repeat_are_reported()
    {
        var m = Order();
        m.Order[0].OrderList[1].Gnum = 3;
        Assert.Equal("Order[1]/OrderList[2]/gnum", Single(m, "business.gnum-sequence").Path);
        m.Order[0].OrderList[1].Gnum = 1;
        Assert.Equal("-301002", Single(m, "business.gnum-repeated").CustomsCode);
    }

    [Fact]
    public void Line_total_must_equal_qty_times_price_within_a_cent()
    {
        var m = ExportList();
        m.Inventory[0].InventoryList[0].TotalPrice = 25.01m;
        Assert.DoesNotContain(CebValidator.ValidateBusiness(m), p => p.Code == "business.line-total");
        m.Inventory[0].InventoryList[0].TotalPrice = 25.02m;
        Assert.Equal("Inventory[1]/InventoryList[1]/totalPrice", Single(m, "business.line-total").Path);
    }

    [Fact]
    public void Import_actural_paid_must_follow_the_formula()
    {
        var m = Order();
        m.Order[0].OrderHead.Discount = 5m;
        Assert.Equal("Order[1]/OrderHead/acturalPaid", Single(m, "business.actural-paid").Path);
        m.Order[0].OrderHead.ActuralPaid -= 5m;
        Assert.Empty(CebValidator.ValidateBusiness(m));
    }

    [Fact]
    public void Order_goods_value_must_equal_sum_of_lines()
    {
        var m = (Exp.Ceb303Message)CebSamples.Create(CebMessageType.Ceb303);
        m.Order[0].OrderHead.GoodsValue += 1m;
        Single(m, "business.head-total");
    }

    [Theory]
    [InlineData("20260230120000")]
    [InlineData("20261122250000")]
    [InlineData("2026112212000A")]
    public void Times_that_do_not_exist_are_reported(string time)
    {
        var m = Order();
        m.Order[0].OrderHead.AppTime = time;
        Single(m, "business.time");
    }

    [Fact]
    public void Receipt_time_with_milliseconds_is_checked()
    {
        var m = (Imp.Ceb312Message)CebSamples.Create(CebMessageType.Ceb312);
        m.OrderReturn[0].ReturnTime = "20261122131000999";
        Assert.Empty(CebValidator.ValidateBusiness(m));
        m.OrderReturn[0].ReturnTime = "20261322131000999";
        Single(m, "business.time");
    }

    [Fact]
    public void Eighteen_character_enterprise_code_must_carry_a_valid_check_character()
    {
        var m = Order();
        Assert.Empty(CebValidator.ValidateBusiness(m));
        var code = m.Order[0].OrderHead.EbpCode!;
        m.Order[0].OrderHead.EbpCode = code[..17] + (code[17] == '0' ? '1' : '0');
        Assert.Equal("Order[1]/OrderHead/ebpCode", Single(m, "business.uscc-check").Path);
        m.Order[0].OrderHead.EbpCode = "3301960001";
        Assert.Empty(CebValidator.ValidateBusiness(m));
    }

    [Fact]
    public void Buyer_identity_number_is_checked_only_for_id_type_1()
    {
        var m = Order();
        var id = m.Order[0].OrderHead.BuyerIdNumber!;
        m.Order[0].OrderHead.BuyerIdNumber = id[..17] + (id[17] == '0' ? '1' : '0');
        Assert.Equal("Order[1]/OrderHead/buyerIdNumber", Single(m, "business.id-check").Path);
        m.Order[0].OrderHead.BuyerIdType = "2";
        Assert.Empty(CebValidator.ValidateBusiness(m));
    }

    [Fact]
    public void Declared_head_without_signature_is_reported_and_signed_one_passes()
    {
        var m = ExportList();
        m.Inventory[0].InventoryHead.AppStatus = "2";
        Assert.Equal("Signature", Single(m, "business.signature-required").Path);
        RoundTripTests.Sign(m);
        Assert.Empty(CebValidator.ValidateBusiness(m));
    }

    [Theory]
    [InlineData(621, "-621026")]
    [InlineData(623, "-623017")]
    [InlineData(625, "-625028")]
    [InlineData(711, "-800001")]
    public void Import_lists_cancels_returns_and_deliveries_must_be_signed(int code, string customs)
    {
        var m = CebSamples.Create(CebMessageType.FromCode(code));
        Assert.Empty(CebValidator.ValidateBusiness(m));
        m.GetType().GetProperty("Signature")!.SetValue(m, null);
        Assert.Equal(customs, Single(m, "business.signature-required").CustomsCode);
        Assert.Contains(CebValidator.ValidateSchema(m), p => p.Code == "schema.missing-element" && p.Path == "Signature");
    }

    [Fact]
    public void Lower_case_guid_is_reported()
    {
        var m = Order();
        m.Order[0].OrderHead.Guid = m.Order[0].OrderHead.Guid!.ToLowerInvariant();
        Single(m, "business.guid-case");
    }

    [Fact]
    public void Model_schema_validation_reports_missing_and_too_long_fields()
    {
        var m = Order();
        m.Order[0].OrderHead.OrderNo = null;
        m.Order[0].OrderList[0].ItemName = new string('x', 251);
        m.Order[0].OrderList[0].Price = 1.123456m;
        var problems = CebValidator.ValidateSchema(m);
        Assert.Contains(problems, p => p.Path == "Order[1]/OrderHead/orderNo" && p.Code == "schema.missing-element");
        Assert.Contains(problems, p => p.Path == "Order[1]/OrderList[1]/itemName" && p.Code == "schema.max-length" && p.CustomsCode == "0002");
        Assert.Contains(problems, p => p.Path == "Order[1]/OrderList[1]/price" && p.Code == "schema.fraction-digits");
    }

    [Fact]
    public void Reading_reports_schema_problems_with_paths()
    {
        var m = ExportList();
        m.Inventory[0].InventoryList[1].Gcode = "12345678901";
        var result = CebValidator.Validate(CebWriter.ToBytes(m));
        var p = Assert.Single(result.Problems);
        Assert.Equal("Inventory[1]/InventoryList[2]/gcode", p.Path);
        Assert.Equal(CebProblemLevel.Schema, p.Level);
        Assert.Equal("0002", p.CustomsCode);
    }
}
