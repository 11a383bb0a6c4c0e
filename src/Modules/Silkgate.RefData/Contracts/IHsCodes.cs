namespace Silkgate.RefData.Contracts;

/// <summary>One HS code of a tariff year (10 digits in China's customs tariff).</summary>
/// <param name="Unit1">First legal unit of quantity (JGS-20 unit code).</param>
/// <param name="Unit2">Second legal unit, where the tariff requires one.</param>
/// <param name="Elements">Declaration elements (申报要素) in order.</param>
public sealed record HsCode(long TariffYear, string Code, string Name, string Unit1, string? Unit2, IReadOnlyList<string> Elements);

/// <param name="Text">Digits search by code prefix, anything else by name; empty lists everything.</param>
/// <param name="Year">Tariff year; null means the latest imported year.</param>
/// <param name="Page">1-based page number.</param>
public sealed record HsQuery(string? Text = null, long? Year = null, int Page = 1, int PageSize = 20);

public sealed record HsPage(long? Year, int Page, int PageSize, long Total, IReadOnlyList<HsCode> Items);

/// <summary>Looks HS codes up in the imported tariff years.</summary>
public interface IHsCodes
{
    /// <summary>The code in the given tariff year, or in the latest imported year when none is given.</summary>
    Task<HsCode?> FindAsync(string code, long? year, CancellationToken ct);

    Task<HsPage> SearchAsync(HsQuery query, CancellationToken ct);

    /// <summary>Imported tariff years, newest first.</summary>
    Task<IReadOnlyList<long>> YearsAsync(CancellationToken ct);
}

/// <summary>A row of an HS code file that cannot be imported.</summary>
/// <param name="Line">1-based line number in the file where the row starts (the header is line 1).</param>
public sealed record HsRowError(int Line, string Field, string Message);

/// <summary>What an import did: nothing at all when there are errors.</summary>
public sealed record HsImportResult(long Year, int Imported, int Replaced, IReadOnlyList<HsRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Imports one tariff year's HS codes from CSV (<c>code,name,unit1,unit2,elements</c>), replacing that year atomically.</summary>
public interface IHsCodeImporter
{
    Task<HsImportResult> ImportAsync(TextReader csv, long year, CancellationToken ct);
}
