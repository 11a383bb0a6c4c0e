namespace Silkgate.RefData.Contracts;

/// <summary>One row of a code table: the code, its Chinese and English names and the table's extra columns.</summary>
/// <param name="Code">The customs code as declared, e.g. <c>142</c>, <c>5100</c>, <c>9610</c>, <c>H</c>.</param>
/// <param name="NameEn">English name; empty where the platform has none (most customs sub-districts).</param>
/// <param name="Extra">Extra columns of the table by column name (e.g. <c>iso2</c>, <c>iso3</c>, <c>alpha</c>, <c>parent</c>); empty values are absent.</param>
/// <param name="Overridden">True when an administrator's change replaces or adds this entry over the shipped table.</param>
public sealed record CodeEntry(string Code, string NameZh, string NameEn, IReadOnlyDictionary<string, string> Extra, bool Overridden = false)
{
    /// <summary>The value of an extra column, or null when the entry has none.</summary>
    public string? Get(string column) => Extra.TryGetValue(column, out var value) ? value : null;

    /// <summary>The name to show in the given language, falling back to Chinese when there is no English name.</summary>
    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;
}
