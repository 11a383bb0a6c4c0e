using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Silkgate.RefData.Contracts;

/// <summary>An immutable code table held in memory: lookup by code, all entries in code order, text search.</summary>
public sealed class CodeTable
{
    private readonly FrozenDictionary<string, CodeEntry> _byCode;

    internal CodeTable(string name, IReadOnlyList<string> extraColumns, IEnumerable<CodeEntry> entries)
    {
        Name = name;
        ExtraColumns = extraColumns;
        All = entries.OrderBy(e => e.Code, StringComparer.Ordinal).ToArray();
        _byCode = All.ToFrozenDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Stable table name used in URLs and overrides, e.g. <c>countries</c>, <c>customs-districts</c>.</summary>
    public string Name { get; }

    /// <summary>Names of the extra columns beyond code and names, in display order.</summary>
    public IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>Every entry, ordered by code.</summary>
    public IReadOnlyList<CodeEntry> All { get; }

    public int Count => All.Count;

    /// <summary>Finds an entry by its code (letters compare case-insensitively).</summary>
    public bool TryGet(string? code, [MaybeNullWhen(false)] out CodeEntry entry)
    {
        entry = null;
        return code is not null && _byCode.TryGetValue(code.Trim(), out entry);
    }

    public bool Contains(string? code) => TryGet(code, out _);

    /// <summary>
    /// Entries whose code starts with <paramref name="text"/>, or whose Chinese or English name or an extra column
    /// contains it (case-insensitive); exact code first, then code prefixes, then name matches. Empty text: all entries.
    /// </summary>
    public IReadOnlyList<CodeEntry> Search(string? text)
    {
        var q = text?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            return All;
        }

        return All
            .Select(e => (Entry: e, Rank: Rank(e, q)))
            .Where(x => x.Rank < 3)
            .OrderBy(x => x.Rank)
            .Select(x => x.Entry)
            .ToArray();
    }

    private static int Rank(CodeEntry e, string q)
    {
        if (e.Code.Equals(q, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (e.Code.StartsWith(q, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var named = e.NameZh.Contains(q, StringComparison.OrdinalIgnoreCase)
            || e.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase)
            || e.Extra.Values.Any(v => v.Equals(q, StringComparison.OrdinalIgnoreCase));
        return named ? 2 : 3;
    }
}
