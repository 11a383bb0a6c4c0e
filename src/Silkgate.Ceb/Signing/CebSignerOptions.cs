namespace Silkgate.Ceb.Signing;

/// <summary>Choices a signer makes that the standard leaves open.</summary>
public sealed class CebSignerOptions
{
    /// <summary>SM2 signer identity (the ID hashed into Z). Default: GM/T 0009's "1234567812345678".</summary>
    public string Sm2UserId { get; init; } = Sm2.DefaultUserId;

    /// <summary>Encoding of SM2 signature values. Default: raw r||s (64 bytes), what customs USB keys produce.</summary>
    public Sm2SignatureEncoding Sm2Encoding { get; init; } = Sm2SignatureEncoding.Raw;

    /// <summary>The ds:KeyName text. Default: the certificate number, i.e. the serial in lower-case hex.</summary>
    public string? KeyName { get; init; }
}

/// <summary>Choices a verifier makes.</summary>
public sealed class CebVerifierOptions
{
    /// <summary>SM2 signer identity. Default: "1234567812345678".</summary>
    public string Sm2UserId { get; init; } = Sm2.DefaultUserId;

    /// <summary>
    /// Accept the field variant SignatureMethod <c>http://www.w3.org/2000/09/xmldsig#sm2-sm3</c> (often with a
    /// SHA-1 digest). Default: true, since customs accepts it.
    /// </summary>
    public bool AcceptFieldVariants { get; init; } = true;
}
