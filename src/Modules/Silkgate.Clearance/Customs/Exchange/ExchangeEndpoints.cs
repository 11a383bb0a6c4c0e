using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;

namespace Silkgate.Clearance.Customs.Exchange;

/// <summary><c>/api/v1/ceb/exchange</c>: the exchange page's facts and retry actions as JSON, for zone and province administrators.</summary>
internal static class ExchangeEndpoints
{
    private static readonly Problem Forbidden = new(ErrorKind.Forbidden, "exchange.forbidden", "Only zone and province administrators use the customs exchange.");

    public static void Map(IEndpointRouteBuilder group)
    {
        var api = group.MapGroup("/exchange").RequireAuthorization();
        api.MapGet("", async Task<Results<Ok<CustomsExchangeOverview>, ProblemHttpResult>> (string? zone, ICustomsExchange exchange, CancellationToken ct) =>
                await exchange.OverviewAsync(zone, ct) is { } overview ? TypedResults.Ok(overview) : ProblemResults.From(Forbidden))
            .WithName("GetCustomsExchange")
            .WithSummary("Queue depth by state, last send and receive, and the entries that failed or wait after a transport error.");

        api.MapPost("/entries/{id:long}/retry", async Task<Results<NoContent, ProblemHttpResult>> (long id, ICustomsExchange exchange, CancellationToken ct) =>
                await exchange.RetryAsync(id, ct) switch
                {
                    CustomsRetryOutcome.Retried => TypedResults.NoContent(),
                    CustomsRetryOutcome.Forbidden => ProblemResults.From(Forbidden),
                    _ => ProblemResults.From(new Problem(ErrorKind.NotFound, "exchange.entry-not-found", $"No unsent queue entry {id} in your remit.")),
                })
            .WithName("RetryCustomsQueueEntry")
            .WithSummary("Makes one failed or deferred entry due now.");

        api.MapPost("/retry-failed", async Task<Results<Ok<RetriedCount>, ProblemHttpResult>> (string? zone, ICustomsExchange exchange, CancellationToken ct) =>
                await exchange.RetryAllFailedAsync(zone, ct) is { } count ? TypedResults.Ok(new RetriedCount(count)) : ProblemResults.From(Forbidden))
            .WithName("RetryFailedCustomsQueueEntries")
            .WithSummary("Makes every failed entry in the caller's remit due now.");
    }
}

internal sealed record RetriedCount(int Retried);
