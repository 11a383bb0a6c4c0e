using System.Text.RegularExpressions;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Tables;

/// <summary>How a code table is shipped (its embedded file) and what a valid code of it looks like.</summary>
internal sealed record TableDefinition(string Name, string Resource, Regex CodePattern, string CodeFormat)
{
    public static readonly IReadOnlyList<TableDefinition> All =
    [
        new(CodeTableNames.Countries, "countries.tsv", new Regex("^[0-9]{3}$"), "3 digits"),
        new(CodeTableNames.Currencies, "currencies.tsv", new Regex("^[0-9]{3}$"), "3 digits"),
        new(CodeTableNames.Units, "units.tsv", new Regex("^[0-9]{3}$"), "3 digits"),
        new(CodeTableNames.CustomsDistricts, "customs_districts.tsv", new Regex("^[0-9A-Z][0-9]{3}$"), "4 characters: a digit or capital letter, then 3 digits"),
        new(CodeTableNames.TransportModes, "transport_modes.tsv", new Regex("^[0-9A-Z]$"), "1 digit or capital letter"),
        new(CodeTableNames.TradeModes, "trade_modes.tsv", new Regex("^[0-9]{4}$"), "4 digits"),
        new(CodeTableNames.PackagingTypes, "packaging_types.tsv", new Regex("^[0-9]{2}$"), "2 digits"),
    ];

    public static TableDefinition? Find(string? name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
