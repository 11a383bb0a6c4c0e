using System.Diagnostics.CodeAnalysis;

namespace Silkgate.RefData.Contracts;

/// <summary>
/// The JGS-20 customs code tables as the platform uses them: the tables shipped with Silkgate with the
/// administrators' additions and overrides merged over them. Lookups are in memory and never touch the database.
/// </summary>
public interface ICodeTables
{
    /// <summary>Countries and regions (3 digits), extra columns <c>iso2</c>, <c>iso3</c>.</summary>
    CodeTable Countries { get; }

    /// <summary>Currencies (3 digits), extra column <c>alpha</c> (ISO 4217 letter code).</summary>
    CodeTable Currencies { get; }

    /// <summary>Units of measure (3 digits).</summary>
    CodeTable Units { get; }

    /// <summary>Customs districts (关区, 4 characters), extra column <c>parent</c>.</summary>
    CodeTable CustomsDistricts { get; }

    /// <summary>Transport modes (1 character).</summary>
    CodeTable TransportModes { get; }

    /// <summary>Trade modes (监管方式, 4 digits) relevant to cross-border e-commerce, extra column <c>abbr_zh</c>.</summary>
    CodeTable TradeModes { get; }

    /// <summary>Packaging types (2 digits).</summary>
    CodeTable PackagingTypes { get; }

    /// <summary>All tables in display order.</summary>
    IReadOnlyList<CodeTable> Tables { get; }

    /// <summary>Finds a table by its name (<see cref="CodeTableNames"/>).</summary>
    bool TryGetTable(string? name, [MaybeNullWhen(false)] out CodeTable table);
}

/// <summary>The stable names of the code tables.</summary>
public static class CodeTableNames
{
    public const string Countries = "countries";
    public const string Currencies = "currencies";
    public const string Units = "units";
    public const string CustomsDistricts = "customs-districts";
    public const string TransportModes = "transport-modes";
    public const string TradeModes = "trade-modes";
    public const string PackagingTypes = "packaging-types";
}
