using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;

namespace Silkgate.Identity.Features.ReadAuditLog;

/// <summary><c>GET /api/v1/identity/audit</c>: the audit log for province admins (all) and zone admins (their zone's actors).</summary>
internal static class AuditEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/audit", async Task<Results<Ok<AuditPage>, ProblemHttpResult>> (
                string? action, string? subject, string? outcome, string? from, string? to, int? page, int? pageSize, IAuditLog log, CancellationToken ct) =>
            {
                var problems = new List<Problem>();
                AuditOutcome? parsedOutcome = null;
                if (!string.IsNullOrWhiteSpace(outcome))
                {
                    if (Enum.TryParse<AuditOutcome>(outcome, ignoreCase: true, out var o) && Enum.IsDefined(o))
                    {
                        parsedOutcome = o;
                    }
                    else
                    {
                        problems.Add(Problem.Invalid("outcome", "outcome.unknown", "The outcome is one of Succeeded, Failed, Denied."));
                    }
                }

                var fromDay = ParseDay(from, "from", problems);
                var toDay = ParseDay(to, "to", problems);
                if (problems.Count > 0)
                {
                    return ProblemResults.From(problems);
                }

                var result = await log.SearchAsync(new AuditQuery(action, parsedOutcome, fromDay, toDay, page ?? 1, pageSize ?? 50, subject), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Errors);
            })
            .RequireAuthorization()
            .WithName("SearchAuditLog")
            .WithSummary("Audit entries, newest first; filters: action (exact or dotted prefix), subject (exact), outcome, from/to (yyyy-MM-dd, UTC+8), page, pageSize.");

    private static DateOnly? ParseDay(string? value, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(Problem.Invalid(field, "date.format", "A day is written yyyy-MM-dd."));
        return null;
    }
}
