namespace Silkgate.Kernel.Errors;

/// <summary>The outcome of a use case: a value, or the errors that prevented it (all of them, not just the first).</summary>
public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<Problem> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<Problem> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result<T> Success(T value) => new(value, []);

    public static Result<T> Failure(IReadOnlyList<Problem> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(default, errors);
    }

    public static Result<T> Failure(Problem error) => Failure([error]);

#pragma warning disable CA2225 // Implicit conversions keep handlers short; Success/Failure are the named alternates.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Problem error) => Failure(error);
#pragma warning restore CA2225
}
