using System.Xml;
using System.Xml.Linq;

namespace Silkgate.Ceb.Reading;

internal sealed partial class ReadEngine
{
    /// <summary>Copies the current element and its subtree into an XElement (signature, extension content), under the same limits.</summary>
    internal XElement Capture()
    {
        var root = StartCopy();
        if (_r.Prefix.Length > 0 && root.Attribute(XNamespace.Xmlns + _r.Prefix) is null)
        {
            root.SetAttributeValue(XNamespace.Xmlns + _r.Prefix, _r.NamespaceURI);
        }
        if (_r.IsEmptyElement)
        {
            return root;
        }
        var stack = new Stack<XElement>();
        var current = root;
        int depth = _r.Depth;
        while (Next())
        {
            switch (_r.NodeType)
            {
                case XmlNodeType.Element:
                    var el = StartCopy();
                    current.Add(el);
                    if (!_r.IsEmptyElement)
                    {
                        stack.Push(current);
                        current = el;
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    current.Add(new XText(TextValue()));
                    break;
                case XmlNodeType.CDATA:
                    current.Add(new XCData(TextValue()));
                    break;
                case XmlNodeType.Comment:
                    current.Add(new XComment(TextValue()));
                    break;
                case XmlNodeType.ProcessingInstruction:
                    current.Add(new XProcessingInstruction(_r.Name, TextValue()));
                    break;
                case XmlNodeType.EndElement:
                    if (_r.Depth == depth)
                    {
                        return root;
                    }
                    current = stack.Pop();
                    break;
            }
        }
        return root;
    }

    private XElement StartCopy()
    {
        var el = new XElement(XName.Get(_r.LocalName, _r.NamespaceURI));
        if (_r.HasAttributes)
        {
            while (_r.MoveToNextAttribute())
            {
                var v = TextValue();
                if (ReferenceEquals(_r.NamespaceURI, _n.XmlnsNs))
                {
                    el.SetAttributeValue(_r.Prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + _r.LocalName, v);
                }
                else
                {
                    el.SetAttributeValue(XName.Get(_r.LocalName, _r.NamespaceURI), v);
                }
            }
            _r.MoveToElement();
        }
        return el;
    }
}

/// <summary>Element path of the node being read, built into text only when a problem is reported.</summary>
internal sealed class PathStack
{
    private readonly List<(string Name, int Index)> _items = new(8);

    public void Push(string name, int index) => _items.Add((name, index));
    public void Pop() => _items.RemoveAt(_items.Count - 1);

    public string Build(string? child)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var (name, index) in _items)
        {
            if (sb.Length > 0) { sb.Append('/'); }
            sb.Append(name);
            if (index > 0) { sb.Append('[').Append(index).Append(']'); }
        }
        if (child is not null)
        {
            if (sb.Length > 0) { sb.Append('/'); }
            sb.Append(child);
        }
        return sb.ToString();
    }
}
