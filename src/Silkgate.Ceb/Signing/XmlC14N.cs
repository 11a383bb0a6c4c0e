using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>Inclusive C14N 1.0 without comments, through .NET's <see cref="XmlDsigC14NTransform"/>.</summary>
internal static class XmlC14N
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Digest of the whole document (URI="", so comments are left out).</summary>
    public static byte[] Digest(XmlDocument document, HashAlgorithm hash)
    {
        var transform = NewTransform();
        transform.LoadInput(document);
        return transform.GetDigestedOutput(hash);
    }

    /// <summary>
    /// Digest of the document as the enveloped-signature transform sees it: the signature is taken out, the
    /// rest canonicalized, the signature put back where it was. Removing the subtree from the DOM yields the
    /// same node-set as the XPath form of the transform, without building that node-set.
    /// </summary>
    public static byte[] DigestWithout(XmlElement signature, HashAlgorithm hash)
    {
        var parent = signature.ParentNode ?? throw new InvalidOperationException("The signature has no parent.");
        var next = signature.NextSibling;
        parent.RemoveChild(signature);
        try
        {
            return Digest(signature.OwnerDocument, hash);
        }
        finally
        {
            parent.InsertBefore(signature, next);
        }
    }

    public static byte[] Canonicalize(XmlDocument document)
    {
        var transform = NewTransform();
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var copy = new MemoryStream();
        output.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Canonical SignedInfo as it stands in its document: inclusive C14N of a subtree renders the namespace
    /// declarations and xml:* attributes inherited from ancestors on the apex, so they are copied onto a
    /// standalone copy first.
    /// </summary>
    public static byte[] CanonicalizeInContext(XmlElement element)
    {
        var standalone = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copy = (XmlElement)standalone.ImportNode(element, deep: true);
        standalone.AppendChild(copy);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                var inherited = attribute.NamespaceURI == XmlnsNamespace || attribute.NamespaceURI == XmlNamespace;
                if (inherited && copy.GetAttributeNode(attribute.LocalName, attribute.NamespaceURI) is null)
                {
                    copy.SetAttributeNode((XmlAttribute)standalone.ImportNode(attribute, deep: true));
                }
            }
        }

        return Canonicalize(standalone);
    }

    private static XmlDsigC14NTransform NewTransform() => new(includeComments: false) { Resolver = null! };
}
