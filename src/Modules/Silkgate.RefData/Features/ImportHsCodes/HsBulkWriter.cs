using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Silkgate.Kernel.Data;
using Silkgate.RefData.Contracts;
using Silkgate.RefData.Hs;

namespace Silkgate.RefData.Features.ImportHsCodes;

/// <summary>Fast inserts inside the caller's transaction: binary COPY on PostgreSQL, one prepared command reused per row on SQLite.</summary>
internal static class HsBulkWriter
{
    private static readonly string[] ParameterNames = ["$year", "$code", "$name", "$unit1", "$unit2", "$elements"];

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, IReadOnlyList<HsCode> rows, CancellationToken ct)
    {
        if (dialect.IsPostgres)
        {
            await CopyAsync((NpgsqlConnection)connection, rows, ct);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO refdata_hs_codes (tariff_year, code, name, unit1, unit2, elements) VALUES ($year, $code, $name, $unit1, $unit2, $elements)";
        var parameters = ParameterNames.Select(n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = n;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            parameters[0].Value = row.TariffYear;
            parameters[1].Value = row.Code;
            parameters[2].Value = row.Name;
            parameters[3].Value = row.Unit1;
            parameters[4].Value = (object?)row.Unit2 ?? DBNull.Value;
            parameters[5].Value = HsJson.Write(row.Elements);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<HsCode> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY refdata_hs_codes (tariff_year, code, name, unit1, unit2, elements) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.TariffYear, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(row.Code, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Name, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Unit1, NpgsqlDbType.Text, ct);
            if (row.Unit2 is null)
            {
                await copy.WriteNullAsync(ct);
            }
            else
            {
                await copy.WriteAsync(row.Unit2, NpgsqlDbType.Text, ct);
            }

            await copy.WriteAsync(HsJson.Write(row.Elements), NpgsqlDbType.Text, ct);
        }

        await copy.CompleteAsync(ct);
    }
}
