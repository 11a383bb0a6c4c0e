using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.Kernel.Values;

namespace Silkgate.Kernel.Tests.Values;

public sealed class CustomsCodeTests
{
    private static readonly Gen<string> ValidCodes =
        from district in Gen.Choose(0, 9999)
        from rest in Gen.Elements("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()).ArrayOf(6)
        select district.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + new string(rest);

    [Property]
    public Property Four_digits_and_six_digits_or_capitals_are_a_code_whose_district_is_the_first_four() =>
        Prop.ForAll(ValidCodes.ToArbitrary(), code => CustomsCode.TryParse(code, out var parsed, out _) && parsed.Value == code && parsed.District == code[..4]);

    [Property]
    public Property A_code_of_any_other_length_is_refused() =>
        Prop.ForAll(
            (from code in ValidCodes from cut in Gen.Choose(0, 9) from extra in Gen.Choose(1, 8) select (Shorter: code[..cut], Longer: code + new string('1', extra))).ToArbitrary(),
            t => !CustomsCode.TryParse(t.Shorter, out _, out _) && !CustomsCode.TryParse(t.Longer, out _, out _));

    [Theory]
    [InlineData("2907960001", "2907")]
    [InlineData(" 3301a6b001 ", "3301")]
    public void Examples_parse_to_upper_case(string text, string district)
    {
        Assert.True(CustomsCode.TryParse(text, out var code, out _));
        Assert.Equal(district, code.District);
        Assert.Equal(text.Trim().ToUpperInvariant(), code.ToString());
    }

    [Theory]
    [InlineData("290796000", "must be 10 characters, got 9")]
    [InlineData("29A7960001", "the first four characters (customs district) must be digits")]
    [InlineData("2907-60001", "'-' is not allowed")]
    [InlineData(null, "must be 10 characters, got 0")]
    public void A_bad_code_says_what_is_wrong(string? text, string problem)
    {
        Assert.False(CustomsCode.TryParse(text, out _, out var message));
        Assert.StartsWith(problem, message, StringComparison.Ordinal);
    }
}
