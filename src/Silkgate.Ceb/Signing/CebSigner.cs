using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>
/// Signs CEB messages and DXP envelopes with an enveloped XML signature (C14N 1.0, Reference URI=""),
/// SM2-SM3 or RSA-SHA1 depending on the key, always with the official algorithm URIs. Safe for concurrent use.
/// </summary>
public sealed class CebSigner : IDisposable
{
    private readonly SignatureKey _key;
    private readonly string _signatureMethod;
    private readonly string _digestMethod;
    private readonly string _keyName;

    public CebSigner(CebSigningCredentials credentials, CebSignerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        options ??= new CebSignerOptions();
        Certificate = credentials.Certificate;
        _key = new SignatureKey(credentials, options);
        (_signatureMethod, _digestMethod) = Algorithm == CebSignatureAlgorithm.Sm2Sm3
            ? (CebSignatureUris.Sm2Sm3, CebSignatureUris.Sm3)
            : (CebSignatureUris.RsaSha1, CebSignatureUris.Sha1);
        _keyName = options.KeyName ?? credentials.Certificate.SerialNumberHex;
    }

    /// <summary>The algorithm this signer uses (given by its key).</summary>
    public CebSignatureAlgorithm Algorithm => _key.Algorithm;

    /// <summary>The certificate embedded in each signature.</summary>
    public CebCertificate Certificate { get; }

    /// <summary>
    /// Signs <paramref name="document"/> in place: an existing root-level signature is replaced and the new one
    /// put where the schema wants it. Load documents with <c>PreserveWhitespace = true</c> and save them without
    /// reformatting, or the signature breaks.
    /// </summary>
    public void Sign(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.DocumentElement ?? throw new CebSigningException("The document has no root element.");
        SignaturePlacement.EnsureSignable(root);
        foreach (var old in SignaturePlacement.DirectSignatures(root))
        {
            root.RemoveChild(old);
        }

        // Without its signature the document is exactly what the enveloped-signature transform yields.
        var digest = XmlC14N.Digest(document, _digestMethod);

        var signature = SignatureXml.Build(document, _signatureMethod, _digestMethod, digest, _keyName, Certificate.Der);
        SignaturePlacement.Insert(root, signature);
        var canonicalSignedInfo = XmlC14N.CanonicalizeInContext(SignatureXml.SignedInfoOf(signature));
        SignatureXml.SetSignatureValue(signature, _key.Sign(canonicalSignedInfo));
    }

    /// <summary>Signs a serialized message and returns the signed message as UTF-8.</summary>
    public byte[] Sign(ReadOnlySpan<byte> xml)
    {
        var document = CebXmlIo.Load(xml);
        Sign(document);
        return CebXmlIo.Save(document);
    }

    /// <summary>Reads a message from <paramref name="input"/> and writes it signed to <paramref name="output"/> as UTF-8.</summary>
    public void Sign(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var document = CebXmlIo.Load(input);
        Sign(document);
        CebXmlIo.Save(document, output);
    }

    public void Dispose() => _key.Dispose();
}
