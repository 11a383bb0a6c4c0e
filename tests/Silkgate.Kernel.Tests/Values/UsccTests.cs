using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.Kernel.Values;

namespace Silkgate.Kernel.Tests.Values;

public sealed class UsccTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly Gen<string> ValidCodes =
        Gen.Elements(Alphabet.ToCharArray()).ArrayOf(17).Select(chars => new string(chars) + Uscc.CheckCharacter(chars));

    [Property]
    public Property A_code_with_its_computed_check_character_is_valid() =>
        Prop.ForAll(ValidCodes.ToArbitrary(), code => Uscc.TryParse(code, out var parsed, out _) && parsed.Value == code);

    [Property]
    public Property Any_single_character_change_is_detected() =>
        Prop.ForAll(
            (from code in ValidCodes
             from position in Gen.Choose(0, 17)
             from replacement in Gen.Elements("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray())
             where replacement != code[position]
             select code[..position] + replacement + code[(position + 1)..]).ToArbitrary(),
            changed => !Uscc.TryParse(changed, out _, out _));

    [Property]
    public Property Lower_case_and_surrounding_spaces_are_accepted() =>
        Prop.ForAll(ValidCodes.ToArbitrary(), code => Uscc.TryParse($" {code.ToLowerInvariant()} ", out var parsed, out _) && parsed.Value == code);

    [Theory]
    [InlineData("914403001922038216")]
    [InlineData("91330100799655058B")]
    public void Known_examples_compute_their_check_character(string code)
    {
        Assert.Equal(code[17], Uscc.CheckCharacter(code.AsSpan(0, 17)));
        Assert.True(Uscc.TryParse(code, out _, out _));
    }

    [Theory]
    [InlineData("", "must be 18 characters, got 0")]
    [InlineData("91330100799655058", "must be 18 characters, got 17")]
    [InlineData("91330100799655058I", "character 18 'I' is not allowed")]
    [InlineData("91330100799655058C", "check character is 'C' but should be 'B'")]
    public void A_bad_code_says_what_is_wrong(string text, string problem)
    {
        Assert.False(Uscc.TryParse(text, out _, out var message));
        Assert.StartsWith(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_value_of_31_becomes_0()
    {
        // Find a 17-character prefix whose weighted sum is divisible by 31: its check character must be '0'.
        var prefix = Enumerable.Range(0, 31).Select(i => "0000000000000000" + Alphabet[i]).First(p => Weighted(p) % 31 == 0);
        Assert.Equal('0', Uscc.CheckCharacter(prefix));
    }

    private static int Weighted(string first17)
    {
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        return first17.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
    }
}
