namespace Silkgate.Clearance.Ingest;

/// <summary>The four-digit transport error codes of the customs data exchange that the gateway answers with.</summary>
internal static class TransportCodes
{
    /// <summary>The message is not a well-formed CEB message or envelope (or breaks a safety limit).</summary>
    public const string Format = "0001";

    /// <summary>The message does not satisfy the official XSD.</summary>
    public const string Schema = "0002";

    /// <summary>Other format error.</summary>
    public const string OtherFormat = "0999";

    /// <summary>Other business-logic (routing) error: e.g. a receipt or customs notice sent to the gateway.</summary>
    public const string OtherRouting = "2999";

    /// <summary>Database or middleware error.</summary>
    public const string System = "3001";
}
