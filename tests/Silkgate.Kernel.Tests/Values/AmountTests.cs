using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.Kernel.Values;

namespace Silkgate.Kernel.Tests.Values;

public sealed class AmountTests
{
    private static readonly Gen<decimal> FivePlaces =
        from units in Gen.Choose(int.MinValue, int.MaxValue)
        from scale in Gen.Choose(1, 1000)
        select units * (decimal)scale / 100_000m;

    [Property]
    public Property Decimals_with_at_most_five_places_round_trip_exactly() =>
        Prop.ForAll(FivePlaces.ToArbitrary(), d => Amount.TryFromDecimal(d, out var a) && a.ToDecimal() == d);

    [Property]
    public Property Sums_and_comparisons_agree_with_decimal() =>
        Prop.ForAll(FivePlaces.ToArbitrary(), FivePlaces.ToArbitrary(), (x, y) =>
        {
            var (a, b) = (Amount.FromDecimal(x), Amount.FromDecimal(y));
            return (a + b).ToDecimal() == x + y && (a - b).ToDecimal() == x - y && (a < b) == (x < y) && a.CompareTo(b) == x.CompareTo(y);
        });

    [Property]
    public Property A_sixth_decimal_place_is_refused() =>
        Prop.ForAll(FivePlaces.ToArbitrary(), d => !Amount.TryFromDecimal(d + 0.000001m, out _));

    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("100.00000", "100")]
    [InlineData("-3.14159", "-3.14159")]
    public void Prints_without_trailing_zeros_in_invariant_culture(string input, string expected) =>
        Assert.Equal(expected, Amount.FromDecimal(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Values_beyond_the_range_are_refused()
    {
        Assert.False(Amount.TryFromDecimal(decimal.MaxValue, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromDecimal(1.123456m));
        Assert.Throws<OverflowException>(() => new Amount(long.MaxValue) + new Amount(1));
    }
}
