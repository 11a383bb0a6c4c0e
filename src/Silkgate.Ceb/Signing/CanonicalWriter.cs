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
                    writer.WriteElement(root, InScope.Empty, apexXmlAttributes: null);
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
        var parentScope = element.ParentNode is XmlElement parent ? InScope.Of(parent) : InScope.Empty;
        writer.WriteElement(element, InScope.Empty, inherited.Values.ToList(), parentScope);
        writer.Flush();
    }

    public static byte[] ToBytes(Action<Action<ReadOnlySpan<byte>>> write)
    {
        var output = new ArrayBufferWriter<byte>(8192);
        write(output.Write);
        return output.WrittenSpan.ToArray();
    }

    private void WriteElement(XmlElement element, InScope rendered, List<XmlAttribute>? apexXmlAttributes, InScope? parentScope = null)
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

    private void WriteNamespaces(InScope scope, InScope rendered)
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

    private void WriteChildren(XmlNode parent, InScope scope)
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

    /// <summary>Prefix to namespace bindings in scope; "" is the default namespace, absent means "".</summary>
    private sealed class InScope
    {
        public static readonly InScope Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

        private InScope(Dictionary<string, string> bindings) => Bindings = bindings;

        public Dictionary<string, string> Bindings { get; }

        public static InScope Of(XmlElement element)
        {
            var chain = new Stack<XmlElement>();
            for (var e = element; e is not null; e = e.ParentNode as XmlElement)
            {
                chain.Push(e);
            }

            var scope = Empty;
            while (chain.Count > 0)
            {
                scope = scope.With(chain.Pop());
            }

            return scope;
        }

        public string Lookup(string prefix) => Bindings.GetValueOrDefault(prefix, string.Empty);

        /// <summary>
        /// The scope inside <paramref name="element"/>: its xmlns attributes, plus the bindings its own name and
        /// attribute names need but do not declare (a DOM built in code), as a serializer would add them.
        /// </summary>
        public InScope With(XmlElement element)
        {
            Dictionary<string, string>? changed = null;
            string Current(string prefix) => changed is null ? Lookup(prefix) : changed.GetValueOrDefault(prefix, string.Empty);
            void Bind(string prefix, string uri)
            {
                if (Current(prefix) != uri)
                {
                    changed ??= new Dictionary<string, string>(Bindings, StringComparer.Ordinal);
                    changed[prefix] = uri;
                }
            }

            foreach (XmlAttribute attribute in element.Attributes)
            {
                if (attribute.NamespaceURI == XmlnsNamespace)
                {
                    Bind(attribute.Prefix.Length == 0 ? string.Empty : attribute.LocalName, attribute.Value);
                }
            }

            Bind(element.Prefix, element.NamespaceURI);

            foreach (XmlAttribute attribute in element.Attributes)
            {
                var prefix = attribute.Prefix;
                if (prefix.Length > 0 && prefix != "xml" && prefix != "xmlns")
                {
                    Bind(prefix, attribute.NamespaceURI);
                }
            }

            return changed is null ? this : new InScope(changed);
        }
    }
}
