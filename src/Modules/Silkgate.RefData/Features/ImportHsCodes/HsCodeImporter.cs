using Dapper;
using Silkgate.Kernel.Data;
using Silkgate.RefData.Contracts;
using Silkgate.RefData.Tables;

namespace Silkgate.RefData.Features.ImportHsCodes;

/// <summary>
/// Validates the whole file first; imports only when every row is valid, replacing the tariff year in one
/// transaction (delete, then bulk insert), so readers see either the old year or the new one.
/// </summary>
internal sealed class HsCodeImporter(DbSession session, CodeTableStore tables) : IHsCodeImporter
{
    public async Task<HsImportResult> ImportAsync(TextReader csv, long year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (year is < 1990 or > 2999)
        {
            return new HsImportResult(year, 0, 0, [new HsRowError(0, "year", $"{year} is not a plausible tariff year.")]);
        }

        // Units added by administrators count too.
        await tables.RefreshAsync(ct);
        var (rows, errors) = await ReadAsync(csv, year, tables.Units, ct);
        if (errors.Count > 0)
        {
            return new HsImportResult(year, 0, 0, errors);
        }

        var replaced = await session.InTransactionAsync(async c =>
        {
            var connection = await session.ConnectionAsync(c);
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM refdata_hs_codes WHERE tariff_year = @Year", new { Year = year }, session.Transaction, cancellationToken: c));
            await HsBulkWriter.WriteAsync(connection, session.Transaction!, session.Dialect, rows, c);
            return deleted;
        }, ct);
        return new HsImportResult(year, rows.Count, replaced, []);
    }

    private static async Task<(List<HsCode> Rows, List<HsRowError> Errors)> ReadAsync(TextReader csv, long year, CodeTable units, CancellationToken ct)
    {
        var rows = new List<HsCode>();
        var errors = new List<HsRowError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var header = true;
        try
        {
            await foreach (var record in CsvRecords.ReadAsync(csv, ct))
            {
                if (header)
                {
                    header = false;
                    if (!HsRowValidator.IsHeader(record))
                    {
                        errors.Add(new HsRowError(record.Line, "header", $"expected the header {string.Join(",", HsRowValidator.Header)}."));
                        return (rows, errors);
                    }

                    continue;
                }

                if (HsRowValidator.Validate(record, year, units, seen, errors) is { } row)
                {
                    rows.Add(row);
                }
            }
        }
        catch (FormatException e)
        {
            errors.Add(new HsRowError(0, "file", e.Message));
        }

        if (header)
        {
            errors.Add(new HsRowError(1, "header", "the file is empty."));
        }

        return (rows, errors);
    }
}
