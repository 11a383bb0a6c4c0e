using System.Collections.Frozen;

namespace Silkgate.Ceb.CodeTables;

/// <summary>The JGS-20 code lists the business checks use (codes only), shipped with the library.</summary>
public static class CebCodeTables
{
    public static FrozenSet<string> Currencies { get; } = Split(CodeData.Currencies);
    public static FrozenSet<string> Units { get; } = Split(CodeData.Units);
    public static FrozenSet<string> Countries { get; } = Split(CodeData.Countries);
    public static FrozenSet<string> CustomsDistricts { get; } = Split(CodeData.CustomsDistricts);

    private static FrozenSet<string> Split(string codes) =>
        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
