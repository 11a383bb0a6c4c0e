using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Silkgate.Kernel.Errors;

namespace Silkgate.Kernel.Http;

/// <summary>Turns use-case problems into RFC 9457 problem details with a machine-readable <c>code</c> and per-field <c>errors</c>.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult From(IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var first = problems[0];
        var status = first.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var errors = problems
            .Where(p => p.Field is not null)
            .GroupBy(p => p.Field!)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = first.Code,
            ["problems"] = problems.Select(p => new { p.Field, p.Code, p.Message }).ToArray(),
        };
        if (errors.Count > 0)
        {
            extensions["errors"] = errors;
        }

        return TypedResults.Problem(
            detail: string.Join(" ", problems.Select(p => p.Field is null ? p.Message : $"{p.Field}: {p.Message}")),
            statusCode: status,
            title: Title(first.Kind),
            extensions: extensions);
    }

    public static ProblemHttpResult From(Problem problem) => From([problem]);

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Forbidden => "Forbidden",
        _ => "Invalid request",
    };
}
