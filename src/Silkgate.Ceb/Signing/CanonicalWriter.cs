using System.Buffers;
using System.Text;
using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>
/// Inclusive Canonical XML 1.0 without comments, written straight from the DOM into a sink. Replaces
/// XmlDsigC14NTransform on the hot path, which copies the whole document first (about 1.5 MB allocated and
/// a millisecond for a 4 KB message). Tests compare it with that transform, xmllint and SignedXml.
/// </summary>
internal sealed class CanonicalWriter
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private readonly Action<ReadOnlySpan<byte>> _sink;
    private readonly XmlNode? _excluded;
    private readonly char[] _chars = new char[512];
    private readonly byte[] _bytes = new byte[512 * 3];
    private int _count;

    private CanonicalWriter(Action<ReadOnlySpan<byte>> sink, XmlNode? excluded)
    {
        _sink = sink;
        _excluded = excluded;
    }

    /// <summary>The whole document (Reference URI=""), leaving out <paramref name="excluded"/> and its subtree.</summary>
    public static void WriteDocument(XmlDocument document, XmlNode? excluded, Action<ReadOnlySpan<byte>> sink)
    {
        var writer = new CanonicalWriter(sink, excluded);
        var afterRoot = false;
        foreach (XmlNode node in document.ChildNodes)
        {
            switch (node)
            {
                case XmlElement root:
                    writer.WriteElement(root, NamespaceScope.Empty, apexXmlAttributes: null);
                    afterRoot = true;
                    break;
                case XmlProcessingInstruction pi:
                    if (afterRoot)
                    {
                        writer.Append("\n");
                    }

                    writer.WriteProcessingInstruction(pi);
                    if (!afterRoot)
                    {
                        writer.Append("\n");
                    }

                    break;
            }
        }

        writer.Flush();
    }

    /// <summary>
    /// An element as a document subset: the apex renders every namespace in scope and the xml:* attributes it
    /// inherits, as inclusive C14N of a subtree does (this is how SignedInfo is canonicalized).
    /// </summary>
    public static void WriteSubtree(XmlElement element, Action<ReadOnlySpan<byte>> sink)
    {
        var inherited = new Dictionary<string, XmlAttribute>(StringComparer.Ordinal);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI == XmlNamespace && element.GetAttributeNode(attribute.LocalName, XmlNamespace) is null)
                {
                    inherited.TryAdd(attribute.LocalName, attribute);
                }
            }
        }

        var writer = new CanonicalWriter(sink, excluded: null);
        var parentScope = element.ParentNode is XmlElement parent ? NamespaceScope.Of(parent) : NamespaceScope.Empty;
        writer.WriteElement(element, NamespaceScope.Empty, inherited.Values.ToList(), parentScope);
        writer.Flush();
    }

    public static byte[] ToBytes(Action<Action<ReadOnlySpan<byte>>> write)
    {
        var output = new ArrayBufferWriter<byte>(8192);
        write(output.Write);
        return output.WrittenSpan.ToArray();
    }

    private void WriteElement(XmlElement element, NamespaceScope rendered, List<XmlAttribute>? apexXmlAttributes, NamespaceScope? parentScope = null)
    {
        var scope = (parentScope ?? rendered).With(element);
        Append("<");
        Append(element.Name);

        // Namespace declarations that differ from what the nearest output ancestor rendered, by prefix.
        // Most elements declare nothing and share their parent's scope object, so there is nothing to compare.
        if (!ReferenceEquals(scope, rendered))
        {
            WriteNamespaces(scope, rendered);
        }

        var attributes = new List<XmlAttribute>(element.Attributes.Count + (apexXmlAttributes?.Count ?? 0));
        foreach (XmlAttribute attribute in element.Attributes)
        {
            if (attribute.NamespaceURI != XmlnsNamespace)
            {
                attributes.Add(attribute);
            }
        }

        if (apexXmlAttributes is not null)
        {
            attributes.AddRange(apexXmlAttributes);
        }

        if (attributes.Count > 1)
        {
            attributes.Sort(AttributeOrder);
        }

        foreach (var attribute in attributes)
        {
            Append(" ");
            Append(attribute.Name);
            Append("=\"");
            AppendEscaped(attribute.Value, attribute: true);
            Append("\"");
        }

        Append(">");
        WriteChildren(element, scope);
        Append("</");
        Append(element.Name);
        Append(">");
    }

    private static int AttributeOrder(XmlAttribute a, XmlAttribute b)
    {
        var byNamespace = string.CompareOrdinal(a.NamespaceURI, b.NamespaceURI);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.LocalName, b.LocalName);
    }

    private void WriteNamespaces(NamespaceScope scope, NamespaceScope rendered)
    {
        var prefixes = new List<string>();
        foreach (var (prefix, uri) in scope.Bindings)
        {
            if (uri != rendered.Lookup(prefix) && (prefix.Length == 0 || uri.Length > 0))
            {
                prefixes.Add(prefix);
            }
        }

        prefixes.Sort(StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            Append(prefix.Length == 0 ? " xmlns=\"" : " xmlns:");
            if (prefix.Length > 0)
            {
                Append(prefix);
                Append("=\"");
            }

            AppendEscaped(scope.Bindings[prefix], attribute: true);
            Append("\"");
        }
    }

    private void WriteChildren(XmlNode parent, NamespaceScope scope)
    {
        foreach (XmlNode child in parent.ChildNodes)
        {
            if (ReferenceEquals(child, _excluded))
            {
                continue;
            }

            switch (child)
            {
                case XmlElement element:
                    WriteElement(element, scope, apexXmlAttributes: null);
                    break;
                case XmlCharacterData text when child is XmlText or XmlCDataSection or XmlWhitespace or XmlSignificantWhitespace:
                    AppendEscaped(text.Data, attribute: false);
                    break;
                case XmlProcessingInstruction pi:
                    WriteProcessingInstruction(pi);
                    break;
                case XmlEntityReference reference:
                    WriteChildren(reference, scope);
                    break;
            }
        }
    }

    private void WriteProcessingInstruction(XmlProcessingInstruction pi)
    {
        Append("<?");
        Append(pi.Target);
        if (pi.Data.Length > 0)
        {
            Append(" ");
            Append(pi.Data);
        }

        Append("?>");
    }

    private void AppendEscaped(string value, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var replacement = value[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' when !attribute => "&gt;",
                '"' when attribute => "&quot;",
                '\t' when attribute => "&#x9;",
                '\n' when attribute => "&#xA;",
                '\r' => "&#xD;",
                _ => null,
            };
            if (replacement is not null)
            {
                Append(value.AsSpan(start, i - start));
                Append(replacement);
                start = i + 1;
            }
        }

        Append(value.AsSpan(start));
    }

    private void Append(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            if (_count == _chars.Length)
            {
                Flush();
            }

            var take = Math.Min(text.Length, _chars.Length - _count);

            // Never split a surrogate pair across two encoder calls.
            if (take < text.Length && take > 0 && char.IsHighSurrogate(text[take - 1]))
            {
                take--;
                if (take == 0)
                {
                    Flush();
                    continue;
                }
            }

            text[..take].CopyTo(_chars.AsSpan(_count));
            _count += take;
            text = text[take..];
        }
    }

    private void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        var length = Encoding.UTF8.GetBytes(_chars, 0, _count, _bytes, 0);
        _sink(_bytes.AsSpan(0, length));
        _count = 0;
    }
}
