using System.Text.Json;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Features.ImportHsCodes;

/// <summary>Turns CSV records into HS codes, collecting every row's problems with its line number.</summary>
internal static class HsRowValidator
{
    public static readonly string[] Header = ["code", "name", "unit1", "unit2", "elements"];

    public static bool IsHeader(CsvRecord record) =>
        record.Fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Header);

    public static HsCode? Validate(CsvRecord record, long year, CodeTable units, ISet<string> seen, List<HsRowError> errors)
    {
        var line = record.Line;
        if (record.Fields.Count != Header.Length)
        {
            errors.Add(new HsRowError(line, "row", $"has {record.Fields.Count} fields; expected {Header.Length} ({string.Join(",", Header)})."));
            return null;
        }

        var count = errors.Count;
        var code = record.Fields[0].Trim();
        var name = record.Fields[1].Trim();
        var unit1 = record.Fields[2].Trim();
        var unit2 = record.Fields[3].Trim();
        if (code.Length != 10 || !code.All(char.IsAsciiDigit))
        {
            errors.Add(new HsRowError(line, "code", $"'{code}' is not 10 digits."));
        }
        else if (!seen.Add(code))
        {
            errors.Add(new HsRowError(line, "code", $"{code} appears more than once in the file."));
        }

        if (name.Length == 0)
        {
            errors.Add(new HsRowError(line, "name", "is empty."));
        }

        if (!units.Contains(unit1))
        {
            errors.Add(new HsRowError(line, "unit1", $"'{unit1}' is not a unit code of the units table."));
        }

        if (unit2.Length > 0 && !units.Contains(unit2))
        {
            errors.Add(new HsRowError(line, "unit2", $"'{unit2}' is not a unit code of the units table."));
        }

        var elements = ParseElements(record.Fields[4], line, errors);
        return errors.Count == count
            ? new HsCode(year, code, name, unit1, unit2.Length == 0 ? null : unit2, elements!)
            : null;
    }

    private static string[]? ParseElements(string json, int line, List<HsRowError> errors)
    {
        try
        {
            var elements = JsonSerializer.Deserialize<string[]>(json.Length == 0 ? "null" : json);
            if (elements is null || elements.Any(e => e is null))
            {
                errors.Add(new HsRowError(line, "elements", "must be a JSON array of strings, e.g. [\"品牌类型\",\"出口享惠情况\"]."));
                return null;
            }

            return elements;
        }
        catch (JsonException)
        {
            errors.Add(new HsRowError(line, "elements", "is not valid JSON; expected an array of strings, e.g. [\"品牌类型\",\"出口享惠情况\"]."));
            return null;
        }
    }
}
