namespace Silkgate.Ceb.Signing;

/// <summary>Algorithm identifiers used in CEB 202205 XML signatures.</summary>
public static class CebSignatureUris
{
    /// <summary>Inclusive canonical XML 1.0 without comments: the only canonicalization the standard names.</summary>
    public const string C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    /// <summary>The enveloped-signature transform: the Signature element is left out of the digest.</summary>
    public const string EnvelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    /// <summary>SM2 signature over SM3 (preferred, national standard).</summary>
    public const string Sm2Sm3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3";

    /// <summary>SM3 digest (preferred, national standard).</summary>
    public const string Sm3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3";

    /// <summary>RSA PKCS#1 v1.5 signature over SHA-1 (fallback).</summary>
    public const string RsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";

    /// <summary>SHA-1 digest (fallback).</summary>
    public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    /// <summary>Non-standard SM2-SM3 identifier seen from some gateways; accepted when verifying, never emitted.</summary>
    public const string Sm2Sm3W3cVariant = "http://www.w3.org/2000/09/xmldsig#sm2-sm3";
}

/// <summary>The signature algorithms the CEB standard allows.</summary>
public enum CebSignatureAlgorithm
{
    /// <summary>SM2 with SM3 (GB/T 32918, GB/T 32905): preferred.</summary>
    Sm2Sm3 = 1,

    /// <summary>RSA PKCS#1 v1.5 with SHA-1: fallback.</summary>
    RsaSha1 = 2,
}

/// <summary>How an SM2 signature value is encoded in <c>ds:SignatureValue</c>.</summary>
public enum Sm2SignatureEncoding
{
    /// <summary>r and s as two 32-byte big-endian integers (64 bytes), as USB keys and signing devices return them.</summary>
    Raw = 0,

    /// <summary>ASN.1 DER <c>SEQUENCE { r INTEGER, s INTEGER }</c> (GB/T 35276 / GM/T 0009 structure).</summary>
    Der = 1,
}
