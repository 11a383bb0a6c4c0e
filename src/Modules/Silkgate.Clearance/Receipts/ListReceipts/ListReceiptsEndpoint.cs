using System.Text;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Silkgate.Clearance.Gateway;
using Silkgate.Clearance.Ingest;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;

namespace Silkgate.Clearance.Receipts.ListReceipts;

/// <summary>One receipt of the feed; <c>Cursor</c> is its position, <c>Receipt</c> the receipt XML as issued.</summary>
internal sealed record ReceiptItem(long Cursor, string Type, string? MessageGuid, long MessageId, DateTimeOffset CreatedAt, string Receipt);

/// <summary>A page of the feed; pass <c>Next</c> as <c>after</c> to continue (it equals <c>after</c> when nothing new exists).</summary>
internal sealed record ReceiptPage(IReadOnlyList<ReceiptItem> Items, long Next);

/// <summary><c>GET /api/v1/ceb/receipts?after=&amp;limit=</c>: the calling enterprise's receipts in issue order after a cursor.</summary>
internal static class ListReceiptsEndpoint
{
    public const int MaxLimit = 100;

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/receipts", HandleAsync)
            .WithName("ListCebReceipts")
            .WithSummary("The receipts issued to the calling enterprise after a cursor, oldest first.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AllowAnonymous();

    private static async Task<IResult> HandleAsync(HttpContext http, DbSession session, WalFlusher flusher, long? after, int? limit, CancellationToken ct)
    {
        var actor = await GatewayActor.AuthenticateAsync(http);
        if (actor is null)
        {
            return GatewayActor.Unauthenticated(http);
        }

        if (actor.EnterpriseId is not { } enterpriseId)
        {
            return await GatewayActor.ForbiddenAsync(http, "clearance.receipts.read", null, "gateway.not-an-enterprise", "Only an enterprise reads its receipts feed.");
        }

        var problems = new List<Problem>();
        if (after is < 0)
        {
            problems.Add(Problem.Invalid("after", "receipts.after", "after must be a cursor from a previous page, or 0 to start from the beginning."));
        }

        if (limit is < 1 or > MaxLimit)
        {
            problems.Add(Problem.Invalid("limit", "receipts.limit", $"limit must be between 1 and {MaxLimit}."));
        }

        if (problems.Count > 0)
        {
            return ProblemResults.From(problems);
        }

        var cursor = after ?? 0;
        var connection = await session.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, receipt_type AS Type, message_guid AS MessageGuid, message_id AS MessageId, created_at AS CreatedAt, receipt_bytes AS Bytes " +
            "FROM clearance_receipts WHERE enterprise_id = @EnterpriseId AND id > @Cursor ORDER BY id LIMIT @Limit",
            new { EnterpriseId = enterpriseId, Cursor = cursor, Limit = (long)(limit ?? MaxLimit) }, session.Transaction, cancellationToken: ct));
        var items = rows.Select(r => new ReceiptItem(r.Id, r.Type, r.MessageGuid, r.MessageId, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), Encoding.UTF8.GetString(r.Bytes))).ToList();
        if (items.Count > 0)
        {
            // A receipt is shown only once it is on disk: the ingest writer's commit is flushed just after it (ADR 0018).
            await flusher.FlushedAsync(ct);
        }

        return TypedResults.Ok(new ReceiptPage(items, items.Count > 0 ? items[^1].Cursor : cursor));
    }

    private sealed record Row(long Id, string Type, string? MessageGuid, long MessageId, long CreatedAt, byte[] Bytes);
}
