using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.Ceb.Validation;

namespace Silkgate.Ceb.Tests;

public class IdentifierPropertyTests
{
    private const string UsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static Arbitrary<string> Stems(string alphabet) =>
        Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), 17).Select(a => new string(a)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Uscc_with_computed_check_character_is_valid_and_any_single_change_is_detected() =>
        Prop.ForAll(Stems(UsccChars), Gen.Choose(0, 17).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (stem, pos, shift) =>
        {
            var code = stem + Identifiers.UsccCheckCharacter(stem);
            var chars = code.ToCharArray();
            chars[pos] = UsccChars[(UsccChars.IndexOf(chars[pos]) + shift) % UsccChars.Length];
            return Identifiers.IsValidUscc(code) && !Identifiers.IsValidUscc(new string(chars));
        });

    [Property(MaxTest = 300)]
    public Property Resident_id_with_computed_check_character_is_valid_and_any_single_change_is_detected() =>
        Prop.ForAll(Stems("0123456789"), Gen.Choose(0, 17).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (stem, pos, shift) =>
        {
            var id = stem + Identifiers.ResidentIdCheckCharacter(stem);
            var chars = id.ToCharArray();
            const string checks = "0123456789X";
            chars[pos] = pos == 17
                ? checks[(checks.IndexOf(chars[pos]) + shift) % checks.Length]
                : (char)('0' + (chars[pos] - '0' + shift) % 10);
            return Identifiers.IsValidResidentId(id) && !Identifiers.IsValidResidentId(new string(chars));
        });

    [Fact]
    public void Known_codes_check_as_documented()
    {
        Assert.True(Identifiers.IsValidUscc("91350100M000100Y43"));
        Assert.True(Identifiers.IsValidResidentId("11010519491231002X"));
        Assert.False(Identifiers.IsValidResidentId("110105194912310021"));
    }
}
