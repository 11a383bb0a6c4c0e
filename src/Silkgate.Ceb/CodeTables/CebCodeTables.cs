using System.Collections.Frozen;
using System.Text;

namespace Silkgate.Ceb.CodeTables;

/// <summary>
/// The JGS-20 code lists the business checks use, shipped with the library as the project's own tables
/// (<c>CodeTables/Data/*.tsv</c>: UTF-8, tab-separated, <c>#</c> comments, a header row, the code first).
/// The platform's reference-data module serves the same files with names and lets administrators extend them.
/// </summary>
public static class CebCodeTables
{
    public static FrozenSet<string> Currencies { get; } = Load("currencies");
    public static FrozenSet<string> Units { get; } = Load("units");
    public static FrozenSet<string> Countries { get; } = Load("countries");
    public static FrozenSet<string> CustomsDistricts { get; } = Load("customs_districts");

    private static FrozenSet<string> Load(string table)
    {
        using var stream = typeof(CebCodeTables).Assembly.GetManifestResourceStream($"codetables/{table}.tsv")
            ?? throw new InvalidOperationException($"Code table {table} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var codes = new List<string>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            codes.Add(tab < 0 ? line : line[..tab]);
        }

        return codes.ToFrozenSet(StringComparer.Ordinal);
    }
}
