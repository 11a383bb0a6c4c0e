namespace Silkgate.Clearance.Customs.Signing;

/// <summary>Which signed messages the gateway verifies against the sender's registered certificates.</summary>
internal enum GatewayVerification
{
    /// <summary>Messages of enterprises that registered a certificate or deposited a key (default).</summary>
    Enrolled,

    /// <summary>Every signed message; an enterprise without registered certificates cannot send signed messages.</summary>
    All,

    /// <summary>None at the gateway; <see cref="ICustomsSigner"/> still checks every message before it goes to customs.</summary>
    Off,
}

/// <summary>Configuration section <c>Clearance:Signing</c>.</summary>
internal sealed class SigningOptions
{
    public const string Section = "Clearance:Signing";

    /// <summary>Base64 of 32 random bytes: the AES-256 key that seals deposited private keys. Never logged.</summary>
    public string? MasterKey { get; set; }

    public GatewayVerification GatewayVerification { get; set; } = GatewayVerification.Enrolled;

    /// <summary>Largest PKCS#12 file accepted for a deposit.</summary>
    public int MaxPkcs12Bytes { get; set; } = 64 * 1024;
}
