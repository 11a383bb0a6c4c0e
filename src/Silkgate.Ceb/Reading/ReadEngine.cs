using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Silkgate.Ceb.Schema;
using Silkgate.Ceb.Validation;

namespace Silkgate.Ceb.Reading;

/// <summary>Single-pass reader: walks the XmlReader once, checks every node against the generated schema model
/// (order, cardinality, facets) and fills the model as it goes. Limits are enforced on every node.</summary>
internal sealed partial class ReadEngine
{
    private readonly XmlReader _r;
    private readonly CebReaderOptions _o;
    private readonly Names _n;
    private readonly List<CebProblem> _problems = [];
    private readonly PathStack _path = new();
    private int _elements;

    internal ReadEngine(XmlReader reader, CebReaderOptions options, Names names)
    {
        _r = reader;
        _o = options;
        _n = names;
    }

    internal List<CebProblem> Problems => _problems;

    internal void Report(in Issue issue, string? child = null) =>
        _problems.Add(new CebProblem(CebProblemLevel.Schema, _path.Build(child), issue.Code, issue.En, issue.Zh, "0002"));

    /// <summary>Advances one node, enforcing the limits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the hot loops call it for every node
    internal bool Next()
    {
        if (!_r.Read())
        {
            return false;
        }
        switch (_r.NodeType)
        {
            case XmlNodeType.Element:
                OnElement();
                break;
            case XmlNodeType.DocumentType:
                RefuseDtd();
                break;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RefuseDtd() => throw new CebReadRefusedException(CebReadFailure.DtdProhibited, "a DTD is not allowed");

    internal void OnElement()
    {
        // Checked on every element: the refusals live in a separate method so this stays small enough to inline.
        if (++_elements > _o.MaxElements || _r.Depth >= _o.MaxDepth || _r.AttributeCount > _o.MaxAttributes)
        {
            RefuseElement();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefuseElement()
    {
        if (_elements > _o.MaxElements)
        {
            throw new CebReadRefusedException(CebReadFailure.TooManyElements, $"more than {_o.MaxElements} elements");
        }
        if (_r.Depth >= _o.MaxDepth)
        {
            throw new CebReadRefusedException(CebReadFailure.TooDeep, $"nesting deeper than {_o.MaxDepth}");
        }
        throw new CebReadRefusedException(CebReadFailure.TooManyAttributes, $"more than {_o.MaxAttributes} attributes on <{_r.Name}>");
    }

    internal string TextValue()
    {
        var v = _r.Value;
        if (v.Length > _o.MaxTextLength)
        {
            RefuseText();
        }
        return v;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefuseText() =>
        throw new CebReadRefusedException(CebReadFailure.TextTooLong, $"text longer than {_o.MaxTextLength} characters in <{_r.Name}>");

    /// <summary>Reads the content of an entity element; the reader is on its start tag.</summary>
    internal void ReadEntity(SchemaEntity def, CebEntity target)
    {
        var slots = def.Slots;
        int pos = 0, count = 0;
        bool textReported = false;
        if (!_r.IsEmptyElement)
        {
            while (Next())
            {
                var type = _r.NodeType;
                if (type == XmlNodeType.Element)
                {
                    var ln = _r.LocalName;
                    var ns = _r.NamespaceURI;
                    int i = pos;
                    for (; i < slots.Length; i++)
                    {
                        if (ReferenceEquals(slots[i].Name, ln) && ReferenceEquals(slots[i].Namespace, ns))
                        {
                            break;
                        }
                    }
                    if (i == slots.Length)
                    {
                        Report(new Issue("schema.unexpected-element", $"element <{ln}> is not expected here", $"此处不应出现元素<{ln}>"), ln);
                        Skip();
                        continue;
                    }
                    var slot = slots[i];
                    if (i == pos)
                    {
                        if (count >= slot.Max)
                        {
                            Report(new Issue("schema.too-many", $"<{ln}> occurs more than {slot.Max} times", $"<{ln}>出现次数超过{slot.Max}次"), ln);
                            Skip();
                            continue;
                        }
                        count++;
                    }
                    else
                    {
                        for (int j = pos; j < i; j++)
                        {
                            if ((j == pos ? count : 0) < slots[j].Min)
                            {
                                Missing(slots[j]);
                            }
                        }
                        pos = i;
                        count = 1;
                    }
                    ReadSlot(slot, target, count);
                }
                else if (type == XmlNodeType.EndElement)
                {
                    break;
                }
                else if ((type == XmlNodeType.Text || type == XmlNodeType.CDATA) && !textReported)
                {
                    textReported = true;
                    Report(new Issue("schema.text-not-allowed", "text is not allowed here, only elements", "此处只允许子元素，不允许文本"));
                }
            }
        }
        for (int j = pos; j < slots.Length; j++)
        {
            if ((j == pos ? count : 0) < slots[j].Min)
            {
                Missing(slots[j]);
            }
        }
    }

    private void Missing(SchemaSlot s) =>
        Report(new Issue("schema.missing-element", $"required element <{s.Name}> is missing", $"缺少必填元素<{s.Name}>"), s.Name);

    private void ReadSlot(SchemaSlot slot, CebEntity target, int occurrence)
    {
        _path.Push(slot.Name, slot.Max > 1 ? occurrence : 0);
        switch (slot.Kind)
        {
            case SlotKind.Simple:
                CheckNoAttributes();
                ReadSimple(slot, target);
                break;
            case SlotKind.Entity:
                CheckNoAttributes();
                var child = slot.Entity!.Factory();
                target.AddChild(slot.Index, child);
                ReadEntity(slot.Entity, child);
                break;
            case SlotKind.Signature:
                var sig = Capture();
                target.SetXml(slot.Index, sig);
                foreach (var issue in SignatureShape.Check(sig))
                {
                    Report(issue);
                }
                break;
            default:
                CheckNoAttributes();
                target.SetXml(slot.Index, ReadAnyContent());
                break;
        }
        _path.Pop();
    }

    private void CheckNoAttributes()
    {
        if (_r.HasAttributes)
        {
            CheckAttributes();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckAttributes()
    {
        while (_r.MoveToNextAttribute())
        {
            if (!IsIgnorableAttribute())
            {
                Report(new Issue("schema.attribute-not-allowed", $"attribute {_r.Name} is not allowed", $"不允许属性{_r.Name}"));
            }
        }
        _r.MoveToElement();
    }

    internal bool IsIgnorableAttribute()
    {
        var ns = _r.NamespaceURI;
        return ReferenceEquals(ns, _n.XmlnsNs) ||
               (ReferenceEquals(ns, _n.XsiNs) && (_r.LocalName == "schemaLocation" || _r.LocalName == "noNamespaceSchemaLocation"));
    }

    private void ReadSimple(SchemaSlot slot, CebEntity target)
    {
        var text = ReadSimpleText();
        if (text.Length == 0 && (slot.Fixed ?? slot.Default) is { } dflt)
        {
            text = dflt;
        }
        var t = slot.Type!;
        switch (t.Kind)
        {
            case SimpleKind.String:
                if (t.Collapse)
                {
                    text = Facets.Collapse(text);
                }
                if (!t.LengthFits(text.Length) && Facets.CheckLength(t, text.Length) is { } li)
                {
                    Report(li);
                }
                if (slot.Fixed is { } f && text != f)
                {
                    Report(Facets.Fixed(f));
                }
                target.SetString(slot.Index, text);
                break;
            case SimpleKind.Decimal:
                if (!Facets.TryParseDecimal(text, t.TotalDigits, t.FractionDigits, out var d, out var digits))
                {
                    Report(Facets.NotDecimal);
                    break;
                }
                if (digits is { } di)
                {
                    Report(di);
                }
                target.SetDecimal(slot.Index, d);
                break;
            default:
                if (!Facets.TryParseInt(text, out var n))
                {
                    Report(Facets.NotInt);
                    break;
                }
                if (Facets.CheckDigits(n, t.TotalDigits, t.FractionDigits) is { } ni)
                {
                    Report(ni);
                }
                target.SetInt(slot.Index, n);
                break;
        }
    }

    /// <summary>Text content of a simple element; child elements are reported and skipped.</summary>
    internal string ReadSimpleText()
    {
        if (_r.IsEmptyElement || !Next())
        {
            return string.Empty;
        }
        string? first = null;
        System.Text.StringBuilder? sb = null;
        // Fast path for the usual shape <x>text</x>; anything else continues in the general loop from the current node.
        if (_r.NodeType == XmlNodeType.Text)
        {
            first = TextValue();
            if (!Next() || _r.NodeType == XmlNodeType.EndElement)
            {
                return first;
            }
        }
        do
        {
            switch (_r.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    var v = TextValue();
                    if (first is null)
                    {
                        first = v;
                    }
                    else
                    {
                        sb ??= new System.Text.StringBuilder(first);
                        sb.Append(v);
                        if (sb.Length > _o.MaxTextLength)
                        {
                            throw new CebReadRefusedException(CebReadFailure.TextTooLong, $"text longer than {_o.MaxTextLength} characters");
                        }
                    }
                    break;
                case XmlNodeType.Element:
                    Report(new Issue("schema.element-not-allowed", $"element <{_r.LocalName}> is not allowed in a simple field", $"简单字段中不允许子元素<{_r.LocalName}>"));
                    Skip();
                    break;
                case XmlNodeType.EndElement:
                    return sb?.ToString() ?? first ?? string.Empty;
            }
        }
        while (Next());
        return sb?.ToString() ?? first ?? string.Empty;
    }

    /// <summary>Skips the current element's subtree while still counting it against the limits.</summary>
    internal void Skip()
    {
        if (_r.IsEmptyElement)
        {
            return;
        }
        int depth = _r.Depth;
        while (Next())
        {
            if (_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>Content of an xs:any (skip) holder: at most one element of any namespace, kept as XML.</summary>
    private XElement? ReadAnyContent()
    {
        if (_r.IsEmptyElement)
        {
            return null;
        }
        XElement? result = null;
        bool textReported = false;
        while (Next())
        {
            switch (_r.NodeType)
            {
                case XmlNodeType.Element:
                    if (result is null)
                    {
                        result = Capture();
                    }
                    else
                    {
                        Report(new Issue("schema.too-many", "only one element is allowed here", "此处只允许一个元素"));
                        Skip();
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (!textReported)
                    {
                        textReported = true;
                        Report(new Issue("schema.text-not-allowed", "text is not allowed here, only elements", "此处只允许子元素，不允许文本"));
                    }
                    break;
                case XmlNodeType.EndElement:
                    return result;
            }
        }
        return result;
    }
}
