using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>The parts of a ds:Signature element that verification needs.</summary>
internal sealed record ParsedSignature(
    XmlElement Element,
    XmlElement SignedInfo,
    string SignatureMethod,
    string DigestMethod,
    byte[] DigestValue,
    byte[] SignatureValue,
    string? KeyName,
    byte[] CertificateDer);

/// <summary>Builds and reads the ds:Signature element. Written compact (no whitespace) like the spec's example.</summary>
internal static class SignatureXml
{
    private const string Prefix = "ds";
    private const string Ds = CebNamespaces.XmlDsig;

    public static XmlElement Build(XmlDocument document, string signatureMethod, string digestMethod, byte[] digest, string keyName, ReadOnlySpan<byte> certificateDer)
    {
        var signature = document.CreateElement(Prefix, "Signature", Ds);
        signature.SetAttribute("xmlns:" + Prefix, Ds);
        var signedInfo = Add(signature, "SignedInfo");
        Add(signedInfo, "CanonicalizationMethod").SetAttribute("Algorithm", CebSignatureUris.C14N);
        Add(signedInfo, "SignatureMethod").SetAttribute("Algorithm", signatureMethod);
        var reference = Add(signedInfo, "Reference");
        reference.SetAttribute("URI", string.Empty);
        Add(Add(reference, "Transforms"), "Transform").SetAttribute("Algorithm", CebSignatureUris.EnvelopedSignature);
        Add(reference, "DigestMethod").SetAttribute("Algorithm", digestMethod);
        Add(reference, "DigestValue").InnerText = Convert.ToBase64String(digest);
        Add(signature, "SignatureValue");
        var keyInfo = Add(signature, "KeyInfo");
        Add(keyInfo, "KeyName").InnerText = keyName;
        Add(Add(keyInfo, "X509Data"), "X509Certificate").InnerText = Convert.ToBase64String(certificateDer);
        return signature;
    }

    public static XmlElement SignedInfoOf(XmlElement signature) => Child(signature, "SignedInfo")!;

    public static void SetSignatureValue(XmlElement signature, byte[] value) =>
        Child(signature, "SignatureValue")!.InnerText = Convert.ToBase64String(value);

    /// <summary>Reads a signature strictly; on failure gives the reason and whether an algorithm was the cause.</summary>
    public static ParsedSignature? TryParse(XmlElement signature, out string reason, out bool unsupportedAlgorithm)
    {
        unsupportedAlgorithm = false;
        var signedInfo = Child(signature, "SignedInfo");
        var signatureValue = Child(signature, "SignatureValue");
        if (signedInfo is null || signatureValue is null)
        {
            reason = "the signature lacks SignedInfo or SignatureValue";
            return null;
        }

        var c14n = Algorithm(Child(signedInfo, "CanonicalizationMethod"));
        var signatureMethod = Algorithm(Child(signedInfo, "SignatureMethod"));
        var references = Children(signedInfo, "Reference").ToList();
        if (c14n is null || signatureMethod is null || references.Count != 1)
        {
            reason = "SignedInfo needs CanonicalizationMethod, SignatureMethod and exactly one Reference";
            return null;
        }

        var reference = references[0];
        if (c14n != CebSignatureUris.C14N)
        {
            unsupportedAlgorithm = true;
            reason = $"canonicalization '{c14n}' is not C14N 1.0";
            return null;
        }

        if (reference.GetAttributeNode("URI") is not { Value.Length: 0 })
        {
            reason = "the Reference must have URI=\"\" (the whole message)";
            return null;
        }

        var transforms = Child(reference, "Transforms") is { } t ? Children(t, "Transform").Select(Algorithm).ToList() : [];
        var envelopedThenOptionalC14N = transforms.Count is 1 or 2
            && transforms[0] == CebSignatureUris.EnvelopedSignature
            && (transforms.Count == 1 || transforms[1] == CebSignatureUris.C14N);
        if (!envelopedThenOptionalC14N)
        {
            unsupportedAlgorithm = true;
            reason = "the Reference must use the enveloped-signature transform (optionally followed by C14N)";
            return null;
        }

        var digestMethod = Algorithm(Child(reference, "DigestMethod"));
        var digestValue = Base64(Child(reference, "DigestValue"));
        var signatureBytes = Base64(signatureValue);
        var keyInfo = Child(signature, "KeyInfo");
        var certificate = Base64(keyInfo is null ? null : Child(Child(keyInfo, "X509Data"), "X509Certificate"));
        if (digestMethod is null || digestValue is null || signatureBytes is null)
        {
            reason = "DigestMethod, DigestValue or SignatureValue is missing or not Base64";
            return null;
        }

        if (certificate is null)
        {
            reason = "KeyInfo carries no X509Data/X509Certificate";
            return null;
        }

        reason = string.Empty;
        var keyName = keyInfo is null ? null : Child(keyInfo, "KeyName")?.InnerText.Trim();
        return new ParsedSignature(signature, signedInfo, signatureMethod, digestMethod, digestValue, signatureBytes, keyName, certificate);
    }

    private static XmlElement Add(XmlElement parent, string localName)
    {
        var child = parent.OwnerDocument.CreateElement(Prefix, localName, Ds);
        parent.AppendChild(child);
        return child;
    }

    private static IEnumerable<XmlElement> Children(XmlElement parent, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == localName && e.NamespaceURI == Ds);

    private static XmlElement? Child(XmlElement? parent, string localName) =>
        parent is null ? null : Children(parent, localName).FirstOrDefault();

    private static string? Algorithm(XmlElement? element) => element?.GetAttributeNode("Algorithm")?.Value;

    private static byte[]? Base64(XmlElement? element)
    {
        if (element is null)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(element.InnerText);
            return bytes.Length > 0 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
