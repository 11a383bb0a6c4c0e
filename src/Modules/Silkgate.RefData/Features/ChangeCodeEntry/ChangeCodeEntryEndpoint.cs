using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Http;
using Silkgate.RefData.Contracts;

namespace Silkgate.RefData.Features.ChangeCodeEntry;

/// <param name="Extra">Extra column values; an empty string clears a column.</param>
/// <param name="ValidFrom">When the change takes effect (default: now).</param>
/// <param name="Deleted">True withdraws the code.</param>
internal sealed record ChangeCodeEntryRequest(
    string? NameZh, string? NameEn, Dictionary<string, string>? Extra = null, DateTimeOffset? ValidFrom = null, bool Deleted = false);

/// <param name="Entry">The entry as now effective; null when withdrawn or when the change is dated in the future.</param>
internal sealed record ChangeCodeEntryResponse(string Table, string Code, CodeEntry? Entry);

internal static class ChangeCodeEntryEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/tables/{table}/{code}", async Task<Results<Ok<ChangeCodeEntryResponse>, UnauthorizedHttpResult, ProblemHttpResult>> (
                string table, string code, ChangeCodeEntryRequest request, IActorContext actors, ICodeTableEditor editor, CancellationToken ct) =>
            {
                if (actors.Current is null)
                {
                    return TypedResults.Unauthorized();
                }

                var result = await editor.ChangeAsync(
                    new CodeEntryChange(table, code, request.NameZh ?? "", request.NameEn, request.Extra, request.ValidFrom, request.Deleted), ct);
                return result.IsSuccess
                    ? TypedResults.Ok(new ChangeCodeEntryResponse(table.ToLowerInvariant(), code, result.Value))
                    : ProblemResults.From(result.Errors);
            })
            .RequireAuthorization()
            .WithName("ChangeCodeEntry");
}
