using Microsoft.AspNetCore.Http;

namespace Silkgate.Identity.Authentication;

/// <summary>The 401 and 403 answers of the API, as problem details instead of redirects.</summary>
internal static class AuthProblems
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static Task UnauthorizedAsync(HttpContext context, string? detail) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "auth.required",
            detail ?? "Sign in, or send an API key in the X-Api-Key header.");

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "auth.forbidden", "Your role does not allow this.");

    private static Task WriteAsync(HttpContext context, int status, string title, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(context);
}
