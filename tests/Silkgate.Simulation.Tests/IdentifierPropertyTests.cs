using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.Ceb.Validation;
using Silkgate.Kernel.Values;

namespace Silkgate.Simulation.Tests;

public sealed class IdentifierPropertyTests
{
    private static readonly string[] ZhejiangCustoms = ["2905", "2907", "2908", "2915", "2917", "2951", "2952", "2953", "2971", "2972"];

    [Property(MaxTest = 25)]
    public bool Generated_enterprises_have_valid_USCCs_with_their_district_and_Zhejiang_customs_codes(long seed)
    {
        var enterprises = TradeGenerator.GenerateEnterprises(seed, sellers: 40);
        return enterprises.All(e =>
                Uscc.TryParse(e.Uscc, out _, out _)
                && e.Uscc![2..8] == e.DistrictCode
                && e.DistrictCode![..4] + "00" == e.ZoneCode
                && e.Code.Length == 10
                && ZhejiangCustoms.Contains(e.Code[..4])
                && e.NameEn is { Length: > 0 })
            && enterprises.Select(e => e.NameZh).Distinct().Count() == enterprises.Count
            && enterprises.Select(e => e.Code).Distinct().Count() == enterprises.Count;
    }

    [Property(MaxTest = 10)]
    public Property Import_buyers_have_valid_resident_identity_numbers(PositiveInt seed)
    {
        var sales = new TradeGenerator(new TradeGeneratorOptions
        {
            Seed = seed.Get,
            Days = 1,
            SalesPerDay = 150,
            ModeMix = TradeModeMix.ImportOnly,
        }).Sales().ToList();
        var ids = sales.Select(s => s.BuyerIdNumber!).ToList();
        return (ids.Count > 0 && ids.All(ValidId)).ToProperty();
    }

    private static bool ValidId(string id) =>
        Identifiers.IsValidResidentId(id)
        && DateOnly.TryParseExact(id[6..14], "yyyyMMdd", out var birth)
        && birth.Year is >= 1965 and <= 2005;
}
