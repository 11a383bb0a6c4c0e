using Silkgate.Kernel.Errors;

namespace Silkgate.RefData.Contracts;

/// <summary>A province or zone administrator's change to one entry: add, replace or withdraw.</summary>
/// <param name="Extra">Values of the table's extra columns; absent columns keep the shipped value.</param>
/// <param name="ValidFrom">When the change takes effect; null means now.</param>
/// <param name="Deleted">True withdraws the code from the table.</param>
public sealed record CodeEntryChange(
    string Table,
    string Code,
    string NameZh,
    string? NameEn,
    IReadOnlyDictionary<string, string>? Extra = null,
    DateTimeOffset? ValidFrom = null,
    bool Deleted = false);

/// <summary>One recorded version of an entry's override.</summary>
public sealed record CodeEntryVersion(
    string Code,
    string NameZh,
    string NameEn,
    IReadOnlyDictionary<string, string> Extra,
    DateTimeOffset ValidFrom,
    bool Deleted,
    string ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>Edits the code tables (P4: editable and versioned). Every change is kept and audited.</summary>
public interface ICodeTableEditor
{
    /// <summary>Records the change for the current actor (province or zone administrators only) and returns the entry as now effective (null when withdrawn or not yet valid).</summary>
    Task<Result<CodeEntry?>> ChangeAsync(CodeEntryChange change, CancellationToken ct);

    /// <summary>The recorded overrides of one code, newest first.</summary>
    Task<IReadOnlyList<CodeEntryVersion>> HistoryAsync(string table, string code, CancellationToken ct);
}
