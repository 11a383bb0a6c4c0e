using System.Collections.Frozen;
using System.Text;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Tables;

/// <summary>
/// Reads the code tables embedded in the assembly (<c>Tables/*.tsv</c>: UTF-8, tab-separated, <c>#</c> comment lines,
/// a header naming <c>code</c>, <c>name_zh</c>, <c>name_en</c> and any extra columns).
/// </summary>
internal static class ShippedTables
{
    private static readonly Lazy<IReadOnlyDictionary<string, CodeTable>> Loaded = new(LoadAll);

    public static IReadOnlyDictionary<string, CodeTable> All => Loaded.Value;

    private static FrozenDictionary<string, CodeTable> LoadAll() =>
        TableDefinition.All.ToFrozenDictionary(d => d.Name, d => Load(d.Name, ReadResource(d.Resource)));

    private static string ReadResource(string file)
    {
        var assembly = typeof(ShippedTables).Assembly;
        using var stream = assembly.GetManifestResourceStream($"tables/{file}")
            ?? throw new InvalidOperationException($"The code table tables/{file} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    internal static CodeTable Load(string name, string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split('\t');
        int Column(string c) => Array.IndexOf(header, c) is var i and >= 0 ? i : throw new InvalidOperationException($"Code table {name} has no column {c}.");
        var (code, zh, en) = (Column("code"), Column("name_zh"), Column("name_en"));
        var extras = header.Select((h, i) => (h, i)).Where(x => x.i != code && x.i != zh && x.i != en).ToArray();
        var entries = new List<CodeEntry>(lines.Count);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length != header.Length)
            {
                throw new InvalidOperationException($"Code table {name}: row '{line}' has {cells.Length} cells, the header {header.Length}.");
            }

            var extra = extras.Where(x => cells[x.i].Length > 0).ToFrozenDictionary(x => x.h, x => cells[x.i], StringComparer.Ordinal);
            entries.Add(new CodeEntry(cells[code], cells[zh], cells[en], extra));
        }

        return new CodeTable(name, extras.Select(x => x.h).ToArray(), entries);
    }
}
