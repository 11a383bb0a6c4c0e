using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Dapper;
using Silkgate.Kernel.Data;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Tables;

/// <summary>
/// The in-memory code tables: shipped tables with the effective overrides merged over them. The merged snapshot is
/// swapped atomically by <see cref="RefreshAsync"/> (at start-up, after every change, and periodically so that
/// several server nodes and future-dated changes converge).
/// </summary>
internal sealed class CodeTableStore(Database database, TimeProvider time) : ICodeTables
{
    private volatile FrozenDictionary<string, CodeTable> _tables = ShippedTables.All.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public CodeTable Countries => _tables[CodeTableNames.Countries];

    public CodeTable Currencies => _tables[CodeTableNames.Currencies];

    public CodeTable Units => _tables[CodeTableNames.Units];

    public CodeTable CustomsDistricts => _tables[CodeTableNames.CustomsDistricts];

    public CodeTable TransportModes => _tables[CodeTableNames.TransportModes];

    public CodeTable TradeModes => _tables[CodeTableNames.TradeModes];

    public CodeTable PackagingTypes => _tables[CodeTableNames.PackagingTypes];

    public IReadOnlyList<CodeTable> Tables => TableDefinition.All.Select(d => _tables[d.Name]).ToArray();

    public bool TryGetTable(string? name, [MaybeNullWhen(false)] out CodeTable table)
    {
        table = null;
        return name is not null && _tables.TryGetValue(name, out table);
    }

    /// <summary>Reloads the overrides from the database and swaps in the merged tables.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await connection.QueryAsync<OverrideRow>(new CommandDefinition(
            """
            SELECT id AS Id, table_name AS TableName, code AS Code, name_zh AS NameZh, name_en AS NameEn, extra AS Extra, deleted AS Deleted
            FROM refdata_code_overrides WHERE valid_from <= @Now ORDER BY table_name, code, valid_from, id
            """,
            new { Now = now }, cancellationToken: ct));
        var effective = rows.GroupBy(r => (r.TableName, r.Code)).Select(g => g.Last()).ToLookup(r => r.TableName);
        _tables = ShippedTables.All.ToFrozenDictionary(
            kv => kv.Key,
            kv => Merge(kv.Value, effective[kv.Key]),
            StringComparer.OrdinalIgnoreCase);
    }

    private static CodeTable Merge(CodeTable shipped, IEnumerable<OverrideRow> overrides)
    {
        var entries = shipped.All.ToDictionary(e => e.Code, StringComparer.Ordinal);
        foreach (var row in overrides)
        {
            if (row.Deleted != 0)
            {
                entries.Remove(row.Code);
                continue;
            }

            var extra = entries.TryGetValue(row.Code, out var old) ? new Dictionary<string, string>(old.Extra) : [];
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(row.Extra) ?? [])
            {
                if (value.Length == 0)
                {
                    extra.Remove(key);
                }
                else
                {
                    extra[key] = value;
                }
            }

            entries[row.Code] = new CodeEntry(row.Code, row.NameZh, row.NameEn, extra.ToFrozenDictionary(StringComparer.Ordinal), Overridden: true);
        }

        return new CodeTable(shipped.Name, shipped.ExtraColumns, entries.Values);
    }

    private sealed record OverrideRow(long Id, string TableName, string Code, string NameZh, string NameEn, string Extra, long Deleted);
}
