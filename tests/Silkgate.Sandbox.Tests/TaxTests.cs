using Silkgate.Ceb.Import;
using Silkgate.Sandbox.Tax;

namespace Silkgate.Sandbox.Tests;

public sealed class TaxTests
{
    [Fact]
    public void Ordinary_goods_pay_only_VAT_at_70_percent()
    {
        var line = CompositeTax.Compute(1, "6109100021", 100m, 0.13m);

        Assert.Equal(0m, line.CustomsTax);
        Assert.Equal(0m, line.ConsumptionTax);
        Assert.Equal(9.10m, line.ValueAddedTax); // 100 × 13 % × 70 %
    }

    [Fact]
    public void Cosmetics_pay_consumption_tax_and_VAT_on_the_value_grossed_up_by_the_consumption_rate()
    {
        var line = CompositeTax.Compute(1, "3304990099", 1000m, 0.13m);

        // 1000 ÷ 0.85 = 1176.4706; consumption 1176.4706 × 15 % × 70 % = 123.53; VAT 1176.4706 × 13 % × 70 % = 107.06
        Assert.Equal(123.53m, line.ConsumptionTax);
        Assert.Equal(107.06m, line.ValueAddedTax);
        // together the composite rate (15 % + 13 %) ÷ 85 % × 70 % = 23.0588 %
        Assert.Equal(230.59m, line.ConsumptionTax + line.ValueAddedTax);
    }

    [Fact]
    public void Watches_carry_the_20_percent_rate()
    {
        var line = CompositeTax.Compute(1, "9102110000", 2000m, 0.13m);

        Assert.Equal(350.00m, line.ConsumptionTax); // 2000 ÷ 0.8 × 20 % × 70 %
        Assert.Equal(227.50m, line.ValueAddedTax); // 2500 × 13 % × 70 %
    }

    [Theory]
    [InlineData("3303000010", 0.15)]
    [InlineData("7113191100", 0.10)]
    [InlineData("9506310000", 0.10)]
    [InlineData("9506910000", 0.0)]
    [InlineData("2204210000", 0.10)]
    [InlineData("0401100000", 0.0)]
    public void The_consumption_rate_comes_from_the_longest_matching_HS_prefix(string hs, double rate) =>
        Assert.Equal((decimal)rate, ConsumptionTaxRates.RateOf(hs));

    [Fact]
    public void Freight_and_insurance_are_spread_over_the_lines_by_value()
    {
        var lines = CompositeTax.ComputeList([(1, "6109100021", 300m), (2, "3304990099", 100m)], 10m, 0.13m);

        Assert.Equal([307.50m, 102.50m], lines.Select(l => l.TaxPrice));
        Assert.Equal(27.98m, lines[0].ValueAddedTax); // 307.5 × 9.1 %
    }

    [Fact]
    public void An_examined_import_list_gets_an_electronic_tax_bill_with_the_composite_tax()
    {
        using var sandbox = new SandboxHarness();
        var list = TestMessages.ImportList(TestMessages.BuyerId(40), ("3304990099", 2m, 500m), ("6109100021", 1m, 100m));
        sandbox.Send(list);
        sandbox.Run();
        var invtNo = Assert.Single(sandbox.NewAnswers()).Field("invtNo");

        sandbox.Advance(sandbox.Options.ExamineAfter);

        var bill = Assert.Single(sandbox.NewAnswers().OfType(816));
        Assert.Empty(XsdOracle.Validate(bill.Payload, Ceb.CebDirection.Import));
        var tax = ((Ceb816Message)bill.Message).Tax[0];
        Assert.Equal(invtNo, tax.TaxHeadRd.InvtNo);
        Assert.Equal(invtNo + "01", tax.TaxHeadRd.TaxNo);
        Assert.Equal("1", tax.TaxHeadRd.Status);
        Assert.Equal(0m, tax.TaxHeadRd.CustomsTax);
        Assert.Equal(123.53m, tax.TaxHeadRd.ConsumptionTax);
        Assert.Equal(107.06m + 9.10m, tax.TaxHeadRd.ValueAddedTax);
        Assert.Equal([1, 2], tax.TaxListRd.Select(l => l.Gnum ?? 0));
    }
}
