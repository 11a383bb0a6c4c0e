using System.Text.Json;
using Dapper;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.RefData.Contracts;
using Silkgate.RefData.Tables;

namespace Silkgate.RefData.Features.ChangeCodeEntry;

/// <summary>Records an administrator's change as a new override version, audits it and refreshes the in-memory tables.</summary>
internal sealed class CodeTableEditor(
    DbSession session, CodeTableStore store, IActorContext actors, IAuditTrail audit, TimeProvider time) : ICodeTableEditor
{
    public async Task<Result<CodeEntry?>> ChangeAsync(CodeEntryChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var subject = $"code-table:{change.Table}/{change.Code}";
        var actor = actors.Current;
        if (actor is null || actor.Role is not (Role.ProvinceAdmin or Role.ZoneAdmin))
        {
            await audit.RecordAsync(new AuditEntry("refdata.code.change", subject, AuditOutcome.Denied, "only province and zone administrators edit code tables"), ct);
            return Problem.Forbidden("Only province and zone administrators may change the code tables.");
        }

        if (!store.TryGetTable(change.Table, out var table))
        {
            return Problem.NotFound($"Code table {change.Table}");
        }

        change = change with { Table = table.Name, Code = change.Code.Trim(), NameZh = change.NameZh?.Trim() ?? "", NameEn = change.NameEn?.Trim() ?? "" };
        var problems = CodeEntryChangeValidator.Validate(change, table);
        if (problems.Count > 0)
        {
            await audit.RecordAsync(new AuditEntry("refdata.code.change", subject, AuditOutcome.Failed, string.Join(" ", problems.Select(p => p.Code))), ct);
            return Result<CodeEntry?>.Failure(problems);
        }

        var now = time.GetUtcNow();
        var validFrom = change.ValidFrom ?? now;
        await session.InTransactionAsync(async c =>
        {
            var connection = await session.ConnectionAsync(c);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO refdata_code_overrides (table_name, code, name_zh, name_en, extra, valid_from, deleted, changed_by, changed_at)
                VALUES (@Table, @Code, @NameZh, @NameEn, @Extra, @ValidFrom, @Deleted, @ChangedBy, @ChangedAt)
                """,
                new
                {
                    change.Table,
                    change.Code,
                    change.NameZh,
                    change.NameEn,
                    Extra = JsonSerializer.Serialize(change.Extra ?? new Dictionary<string, string>()),
                    ValidFrom = validFrom.ToUnixTimeMilliseconds(),
                    Deleted = change.Deleted ? 1L : 0L,
                    ChangedBy = $"{actor.Name} ({actor.UserId})",
                    ChangedAt = now.ToUnixTimeMilliseconds(),
                },
                session.Transaction, cancellationToken: c));
        }, ct);

        var detail = change.Deleted ? "withdrawn" : $"{change.NameZh} / {change.NameEn}";
        await audit.RecordAsync(new AuditEntry("refdata.code.change", subject, AuditOutcome.Succeeded, $"{detail}; valid from {validFrom:O}"), ct);
        await store.RefreshAsync(ct);
        return Result<CodeEntry?>.Success(store.TryGetTable(table.Name, out var merged) && merged.TryGet(change.Code, out var entry) ? entry : null);
    }

    public Task<IReadOnlyList<CodeEntryVersion>> HistoryAsync(string table, string code, CancellationToken ct) =>
        new CodeEntryHistory(session).ReadAsync(table, code, ct);
}
