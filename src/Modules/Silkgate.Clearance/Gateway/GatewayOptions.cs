namespace Silkgate.Clearance.Gateway;

/// <summary>Configuration section <c>Clearance:Gateway</c>.</summary>
internal sealed class GatewayOptions
{
    public const string Section = "Clearance:Gateway";

    /// <summary>Largest message accepted (HTTP body, exchange file, and a DXP payload after Base64 decoding); 10 MB by default.</summary>
    public long MaxMessageBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// Authentication scheme that turns an <c>X-Api-Key</c> into an actor (the Identity module's API-key scheme).
    /// When empty, the request's default authentication is used.
    /// </summary>
    public string? AuthenticationScheme { get; set; }

    /// <summary>How long sender facts (enterprise codes and status, agent authorizations) are cached.</summary>
    public int SenderCacheSeconds { get; set; } = 30;
}
