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
    // Plain arrays: push and pop run for every element read, and nothing here needs List's bookkeeping.
    private string[] _names = new string[8];
    private int[] _indexes = new int[8];
    private int _count;

    public void Push(string name, int index)
    {
        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _indexes, _count * 2);
        }
        _names[_count] = name;
        _indexes[_count++] = index;
    }

    public void Pop() => _count--;

    public string Build(string? child)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < _count; i++)
        {
            if (sb.Length > 0) { sb.Append('/'); }
            sb.Append(_names[i]);
            if (_indexes[i] > 0) { sb.Append('[').Append(_indexes[i]).Append(']'); }
        }
        if (child is not null)
        {
            if (sb.Length > 0) { sb.Append('/'); }
            sb.Append(child);
        }
        return sb.ToString();
    }
}
