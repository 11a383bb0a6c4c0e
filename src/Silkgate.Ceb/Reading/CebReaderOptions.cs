namespace Silkgate.Ceb.Reading;

/// <summary>Safety limits applied while reading untrusted XML. A message that breaks one is refused before it is read further.</summary>
public sealed record CebReaderOptions
{
    /// <summary>Largest document accepted, in bytes (default 16 MiB: 100 entities of 100 lines with room to spare).</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Deepest element nesting (default 32; CEB messages need 4, signatures about 6).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most elements in one document (default 250,000).</summary>
    public int MaxElements { get; init; } = 250_000;

    /// <summary>Most attributes on one element, namespace declarations included (default 32).</summary>
    public int MaxAttributes { get; init; } = 32;

    /// <summary>Longest text node or attribute value, in characters (default 1 MiB; DXP payloads are limited by <see cref="MaxBytes"/> instead).</summary>
    public int MaxTextLength { get; init; } = 1024 * 1024;

    public static CebReaderOptions Default { get; } = new();
}

/// <summary>Why a document was refused without being validated.</summary>
public enum CebReadFailure
{
    TooLarge,
    TooDeep,
    TooManyElements,
    TooManyAttributes,
    TextTooLong,
    /// <summary>A DTD (and with it any entity declaration) is present.</summary>
    DtdProhibited,
    /// <summary>Not well-formed XML.</summary>
    Malformed,
    /// <summary>The root is not a CEB message or DXP envelope of the 202205 edition.</summary>
    UnknownRoot,
    /// <summary>The root has a known name but not the customs namespace.</summary>
    WrongNamespace,
    /// <summary>The DXP payload is not valid Base64.</summary>
    BadPayload,
}

internal sealed class CebReadRefusedException(CebReadFailure failure, string detail) : Exception(detail)
{
    public CebReadFailure Failure { get; } = failure;
}
