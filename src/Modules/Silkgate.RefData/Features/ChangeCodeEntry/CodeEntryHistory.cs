using System.Text.Json;
using Dapper;
using Silkgate.Kernel.Data;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Features.ChangeCodeEntry;

/// <summary>Reads the recorded override versions of one code, newest first.</summary>
internal sealed class CodeEntryHistory(DbSession session)
{
    public async Task<IReadOnlyList<CodeEntryVersion>> ReadAsync(string table, string code, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            """
            SELECT code AS Code, name_zh AS NameZh, name_en AS NameEn, extra AS Extra, valid_from AS ValidFrom, deleted AS Deleted,
                   changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM refdata_code_overrides WHERE table_name = @Table AND code = @Code ORDER BY valid_from DESC, id DESC
            """,
            new { Table = table, Code = code }, session.Transaction, cancellationToken: ct));
        return rows.Select(r => new CodeEntryVersion(
            r.Code, r.NameZh, r.NameEn,
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.Extra) ?? [],
            DateTimeOffset.FromUnixTimeMilliseconds(r.ValidFrom), r.Deleted != 0, r.ChangedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(r.ChangedAt))).ToArray();
    }

    private sealed record VersionRow(string Code, string NameZh, string NameEn, string Extra, long ValidFrom, long Deleted, string ChangedBy, long ChangedAt);
}
