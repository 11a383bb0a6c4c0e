using System.Globalization;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Limits;

namespace Silkgate.Clearance.Tests.Limits;

public sealed class ImportLimitsTests
{
    private static DocumentFacts List(params (decimal Qty, decimal Total)[] lines) => new()
    {
        CopNo = "COP1",
        Freight = 1_000_000, // 10.00
        InsuredFee = 50_000, // 0.50
        Lines = lines.Select((l, i) => new LineFacts(i + 1, "SKU", "item", (long)(l.Qty * 100_000), null, (long)(l.Total * 100_000), "142")).ToList(),
    };

    [Fact]
    public void Dutiable_value_is_the_line_totals_plus_freight_and_insurance()
    {
        Assert.Equal(5_050_000, ImportLimits.DutiableValue(List((1, 20m), (2, 20m))));
    }

    [Theory]
    [InlineData(4989.50, true)]
    [InlineData(4989.51, false)]
    public void The_single_transaction_limit_includes_freight_and_insurance(decimal goods, bool passes)
    {
        var refusal = ImportLimits.ListMustStayWithinTheSingleTransactionLimit(List((2, goods)), new LimitOptions(), out _);
        Assert.Equal(passes, refusal is null);
    }

    [Fact]
    public void The_single_item_exception_is_off_unless_configured()
    {
        var single = List((1, 6000m));
        Assert.NotNull(ImportLimits.ListMustStayWithinTheSingleTransactionLimit(single, new LimitOptions(), out _));

        var allowed = ImportLimits.ListMustStayWithinTheSingleTransactionLimit(single, new LimitOptions { AllowSingleItemOverSingleLimit = true }, out var over);

        Assert.Null(allowed);
        Assert.True(over);
    }

    [Theory]
    [InlineData("2:6000")]
    [InlineData("1:3000,1:3000")]
    public void The_single_item_exception_does_not_cover_several_items(string lines)
    {
        var parsed = lines.Split(',').Select(p => p.Split(':')).Select(p => (decimal.Parse(p[0], CultureInfo.InvariantCulture), decimal.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();
        var refusal = ImportLimits.ListMustStayWithinTheSingleTransactionLimit(List(parsed), new LimitOptions { AllowSingleItemOverSingleLimit = true }, out _);
        Assert.Equal(-621005, refusal?.Code);
    }

    [Fact]
    public void Limits_follow_the_settings()
    {
        var refusal = ImportLimits.ListMustStayWithinTheSingleTransactionLimit(List((1, 100m)), new LimitOptions { SingleTransaction = 100m }, out _);
        Assert.Contains("[100.00]", refusal!.Chinese, StringComparison.Ordinal);
        Assert.Contains("110.50", refusal.English, StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_is_counted_in_china_time()
    {
        Assert.Equal(2025, ImportLimits.ChinaYear(new DateTimeOffset(2025, 12, 31, 15, 59, 59, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.Equal(2026, ImportLimits.ChinaYear(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
    }
}
