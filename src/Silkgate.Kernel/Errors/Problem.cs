namespace Silkgate.Kernel.Errors;

/// <summary>The HTTP-independent kind of a failure; the host maps it to a status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>A failure a caller can act on: a stable machine code, a readable message and, where it applies, the field at fault.</summary>
/// <param name="Code">Stable code such as <c>uscc.check-character</c>, or a customs error code where customs defines one.</param>
/// <param name="Field">Path of the offending input field in the request, e.g. <c>uscc</c> or <c>contacts[1].phone</c>.</param>
public sealed record Problem(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static Problem Invalid(string field, string code, string message) => new(ErrorKind.Validation, code, message, field);

    public static Problem NotFound(string what) => new(ErrorKind.NotFound, "not-found", $"{what} was not found.");

    public static Problem Conflict(string field, string code, string message) => new(ErrorKind.Conflict, code, message, field);

    public static Problem Forbidden(string message) => new(ErrorKind.Forbidden, "forbidden", message);
}
