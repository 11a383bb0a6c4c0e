using Microsoft.VisualBasic.FileIO;

namespace Silkgate.RefData.Tests;

/// <summary>The shared reference CSVs beside the repository (<c>../shared/refdata</c> of the folder holding Silkgate.slnx); read by tests only.</summary>
internal static class SharedRefData
{
    public static string Folder { get; } = Locate();

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>The data rows of a shared CSV as dictionaries by header name.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string file)
    {
        using var parser = new TextFieldParser(PathOf(file), System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(header.Select((h, i) => (h, v: fields[i])).ToDictionary(x => x.h, x => x.v));
        }

        return rows;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Silkgate.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "refdata"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"The shared reference data folder {shared} (../shared/refdata beside the repository) is missing; these tests compare the project's tables with it.");
            }
        }

        throw new DirectoryNotFoundException($"No folder containing Silkgate.slnx above {AppContext.BaseDirectory}.");
    }
}
