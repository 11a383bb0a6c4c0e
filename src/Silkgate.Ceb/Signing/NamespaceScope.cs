using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>C14N helper: prefix to namespace bindings in scope; "" is the default namespace, absent means "".</summary>
internal sealed class NamespaceScope
{
    public static readonly NamespaceScope Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private NamespaceScope(Dictionary<string, string> bindings) => Bindings = bindings;

    public Dictionary<string, string> Bindings { get; }

    public static NamespaceScope Of(XmlElement element)
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
    public NamespaceScope With(XmlElement element)
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
            if (attribute.NamespaceURI == "http://www.w3.org/2000/xmlns/")
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

        return changed is null ? this : new NamespaceScope(changed);
    }
}
