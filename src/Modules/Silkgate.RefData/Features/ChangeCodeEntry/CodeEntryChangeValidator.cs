using Silkgate.Kernel.Errors;
using Silkgate.RefData.Contracts;
using Silkgate.RefData.Tables;

namespace Silkgate.RefData.Features.ChangeCodeEntry;

/// <summary>Rules a change must satisfy before it is recorded; reports every broken rule with its field.</summary>
internal static class CodeEntryChangeValidator
{
    private const int MaxName = 200;
    private const int MaxExtra = 100;

    public static IReadOnlyList<Problem> Validate(CodeEntryChange change, CodeTable table)
    {
        var definition = TableDefinition.Find(change.Table)!;
        var problems = new List<Problem>();
        if (!definition.CodePattern.IsMatch(change.Code))
        {
            problems.Add(Problem.Invalid("code", "refdata.code.format", $"A code of table {definition.Name} is {definition.CodeFormat}."));
        }

        if (!change.Deleted && string.IsNullOrWhiteSpace(change.NameZh))
        {
            problems.Add(Problem.Invalid("nameZh", "refdata.name.required", "The Chinese name is required."));
        }

        if ((change.NameZh?.Length ?? 0) > MaxName || (change.NameEn?.Length ?? 0) > MaxName)
        {
            problems.Add(Problem.Invalid(change.NameZh?.Length > MaxName ? "nameZh" : "nameEn", "refdata.name.too-long", $"A name has at most {MaxName} characters."));
        }

        foreach (var (key, value) in change.Extra ?? new Dictionary<string, string>())
        {
            if (!table.ExtraColumns.Contains(key, StringComparer.Ordinal))
            {
                problems.Add(Problem.Invalid($"extra.{key}", "refdata.extra.unknown",
                    $"Table {table.Name} has no column {key}; its extra columns are: {(table.ExtraColumns.Count == 0 ? "none" : string.Join(", ", table.ExtraColumns))}."));
            }
            else if (value is null || value.Length > MaxExtra)
            {
                problems.Add(Problem.Invalid($"extra.{key}", "refdata.extra.too-long", $"A column value has at most {MaxExtra} characters (empty clears it)."));
            }
        }

        if (change.Deleted && !table.Contains(change.Code))
        {
            problems.Add(new Problem(ErrorKind.NotFound, "not-found", $"Code {change.Code} is not in table {table.Name}.", "code"));
        }

        return problems;
    }
}
