namespace Silkgate.Simulation.Tests;

/// <summary>The shared JGS-20 / tariff tables (read by tests only, never shipped).</summary>
internal static class RefDataFiles
{
    private static readonly Lazy<string> Dir = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "refdata");
            if (File.Exists(Path.Combine(candidate, "hs_codes.csv")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/refdata not found above " + AppContext.BaseDirectory);
    });

    /// <summary>Rows of a CSV file (header skipped), fields split with double-quote handling.</summary>
    public static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(Path.Combine(Dir.Value, file)).Skip(1).Where(l => l.Length > 0).Select(Split);

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
