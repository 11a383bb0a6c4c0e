using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;
using Silkgate.RefData.Contracts;
using Silkgate.RefData.Features.ChangeCodeEntry;

namespace Silkgate.RefData.Features.BrowseCodeTables;

internal sealed record CodeTableSummary(string Name, int Count, IReadOnlyList<string> ExtraColumns);

internal sealed record CodeTablePage(string Table, string? Q, int Page, int PageSize, int Total, IReadOnlyList<CodeEntry> Items);

internal sealed record CodeEntryDetail(string Table, CodeEntry Entry, IReadOnlyList<CodeEntryVersion> History);

/// <summary>Reading the code tables is public: reference data is published, not owned by a tenant.</summary>
internal static class CodeTableEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/tables", (ICodeTables tables) =>
                TypedResults.Ok(tables.Tables.Select(t => new CodeTableSummary(t.Name, t.Count, t.ExtraColumns)).ToArray()))
            .WithName("ListCodeTables").AllowAnonymous();

        group.MapGet("/tables/{table}", Results<Ok<CodeTablePage>, ProblemHttpResult> (string table, string? q, int? page, int? pageSize, ICodeTables tables) =>
            {
                if (!tables.TryGetTable(table, out var t))
                {
                    return ProblemResults.From(Problem.NotFound($"Code table {table}"));
                }

                var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
                var number = Math.Max(1, page ?? 1);
                var found = t.Search(q);
                return TypedResults.Ok(new CodeTablePage(t.Name, q, number, size, found.Count, found.Skip((number - 1) * size).Take(size).ToArray()));
            })
            .WithName("SearchCodeTable").AllowAnonymous();

        group.MapGet("/tables/{table}/{code}", async Task<Results<Ok<CodeEntryDetail>, ProblemHttpResult>> (
                string table, string code, ICodeTables tables, CodeEntryHistory history, CancellationToken ct) =>
            {
                if (!tables.TryGetTable(table, out var t))
                {
                    return ProblemResults.From(Problem.NotFound($"Code table {table}"));
                }

                if (!t.TryGet(code, out var entry))
                {
                    return ProblemResults.From(Problem.NotFound($"Code {code} of table {t.Name}"));
                }

                return TypedResults.Ok(new CodeEntryDetail(t.Name, entry, await history.ReadAsync(t.Name, entry.Code, ct)));
            })
            .WithName("GetCodeEntry").AllowAnonymous();
    }
}
