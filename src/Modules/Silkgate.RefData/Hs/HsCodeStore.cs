using Dapper;
using Silkgate.Kernel.Data;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Hs;

/// <summary>Reads the imported HS codes: one code, or a page of codes by code prefix or name text.</summary>
internal sealed class HsCodeStore(DbSession session) : IHsCodes
{
    public const int MaxPageSize = 100;
    private const string Columns = "tariff_year AS TariffYear, code AS Code, name AS Name, unit1 AS Unit1, unit2 AS Unit2, elements AS Elements";

    public async Task<HsCode?> FindAsync(string code, long? year, CancellationToken ct)
    {
        var y = year ?? await LatestYearAsync(ct);
        if (y is null)
        {
            return null;
        }

        var connection = await session.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM refdata_hs_codes WHERE tariff_year = @Year AND code = @Code",
            new { Year = y.Value, Code = code.Trim() }, session.Transaction, cancellationToken: ct));
        return row?.ToHsCode();
    }

    public async Task<HsPage> SearchAsync(HsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var year = query.Year ?? await LatestYearAsync(ct);
        if (year is null)
        {
            return new HsPage(null, page, size, 0, []);
        }

        var text = query.Text?.Trim() ?? "";
        var byCode = text.All(char.IsAsciiDigit);
        var filter = text.Length == 0 ? "" : byCode ? "AND code LIKE @Pattern" : $"AND name {session.Dialect.ILike} @Pattern ESCAPE '\\'";
        var pattern = byCode ? text + "%" : "%" + Escape(text) + "%";
        var args = new { Year = year.Value, Pattern = pattern, Skip = (long)(page - 1) * size, Take = (long)size };
        var connection = await session.ConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM refdata_hs_codes WHERE tariff_year = @Year {filter}", args, session.Transaction, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM refdata_hs_codes WHERE tariff_year = @Year {filter} ORDER BY code LIMIT @Take OFFSET @Skip",
            args, session.Transaction, cancellationToken: ct));
        return new HsPage(year, page, size, total, rows.Select(r => r.ToHsCode()).ToArray());
    }

    public async Task<IReadOnlyList<long>> YearsAsync(CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        var years = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT tariff_year FROM refdata_hs_codes ORDER BY tariff_year DESC", transaction: session.Transaction, cancellationToken: ct));
        return years.ToArray();
    }

    private async Task<long?> LatestYearAsync(CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(tariff_year) FROM refdata_hs_codes", transaction: session.Transaction, cancellationToken: ct));
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed record Row(long TariffYear, string Code, string Name, string Unit1, string? Unit2, string Elements)
    {
        public HsCode ToHsCode() => new(TariffYear, Code, Name, Unit1, Unit2, HsJson.Read(Elements));
    }
}
