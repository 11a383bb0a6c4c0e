using System.Xml;
using Silkgate.Ceb.Validation;

namespace Silkgate.Ceb.Dxp;

internal sealed partial class DxpReadEngine
{
    /// <summary>Reads the children of the current element as an XSD sequence of distinct names in the dxp namespace
    /// (ds:Signature for "Signature"), calling each part's handler with the reader on the child's start tag.</summary>
    private void Sequence(params (string Name, int Min, int Max, Action Read)[] parts)
    {
        int pos = 0, count = 0;
        bool textReported = false;
        if (!r.IsEmptyElement)
        {
            while (engine.Next())
            {
                if (r.NodeType == XmlNodeType.Element)
                {
                    var ln = r.LocalName;
                    var ns = r.NamespaceURI;
                    int i = pos;
                    while (i < parts.Length && !(parts[i].Name == ln && ns == (ln == "Signature" ? CebNamespaces.XmlDsig : Dxp)))
                    {
                        i++;
                    }
                    if (i == parts.Length || (i == pos && count >= parts[i].Max))
                    {
                        engine.Report(new Issue("schema.unexpected-element", $"element <{ln}> is not expected here", $"此处不应出现元素<{ln}>"), ln);
                        engine.Skip();
                        continue;
                    }
                    if (i == pos)
                    {
                        count++;
                    }
                    else
                    {
                        for (int j = pos; j < i; j++)
                        {
                            if ((j == pos ? count : 0) < parts[j].Min)
                            {
                                Missing(parts[j].Name);
                            }
                        }
                        pos = i;
                        count = 1;
                    }
                    parts[i].Read();
                }
                else if (r.NodeType == XmlNodeType.EndElement)
                {
                    break;
                }
                else if ((r.NodeType == XmlNodeType.Text || r.NodeType == XmlNodeType.CDATA) && !textReported)
                {
                    textReported = true;
                    engine.Report(new Issue("schema.text-not-allowed", "text is not allowed here, only elements", "此处只允许子元素，不允许文本"));
                }
            }
        }
        for (int j = pos; j < parts.Length; j++)
        {
            if ((j == pos ? count : 0) < parts[j].Min)
            {
                Missing(parts[j].Name);
            }
        }
    }

    private void Missing(string name) =>
        engine.Report(new Issue("schema.missing-element", $"required element <{name}> is missing", $"缺少必填元素<{name}>"), name);

    private string Text(int min, int max, bool checkAttributes = true)
    {
        if (checkAttributes)
        {
            NoAttributes();
        }
        var s = engine.ReadSimpleText();
        LengthIssue(s.Length, min, max);
        return s;
    }

    private void LengthIssue(int length, int min, int max)
    {
        if ((min >= 0 && length < min) || (max >= 0 && length > max))
        {
            engine.Report(new Issue("schema.max-length", $"length must be {min} to {max} (is {length})", $"长度必须为{min}至{max}位（实际{length}位）"));
        }
    }

    private void NoAttributes()
    {
        while (r.MoveToNextAttribute())
        {
            if (!engine.IsIgnorableAttribute())
            {
                engine.Report(new Issue("schema.attribute-not-allowed", $"attribute {r.Name} is not allowed", $"不允许属性{r.Name}"));
            }
        }
        r.MoveToElement();
    }

    /// <summary>The fixed version attribute (ver="1.0") and the optional xs:ID attribute.</summary>
    private (string Ver, string? Id) VerAndId(string element, string verName, bool allowId = true)
    {
        string? ver = null, id = null;
        while (r.MoveToNextAttribute())
        {
            if (r.NamespaceURI.Length == 0 && r.LocalName == verName)
            {
                ver = engine.TextValue();
                if (ver != "1.0")
                {
                    engine.Report(new Issue("schema.fixed", $"{element}/@{verName} must be \"1.0\"", $"{element}/@{verName}必须为“1.0”"));
                }
            }
            else if (allowId && r.NamespaceURI.Length == 0 && r.LocalName == "Id")
            {
                id = Facets.Collapse(engine.TextValue());
                if (!IsNcName(id))
                {
                    engine.Report(new Issue("schema.id", $"{element}/@Id is not an XML name", $"{element}/@Id不是有效的XML名称"));
                }
            }
            else if (!engine.IsIgnorableAttribute())
            {
                engine.Report(new Issue("schema.attribute-not-allowed", $"attribute {r.Name} is not allowed", $"不允许属性{r.Name}"));
            }
        }
        r.MoveToElement();
        if (ver is null)
        {
            engine.Report(new Issue("schema.missing-attribute", $"{element} needs the {verName} attribute", $"{element}缺少{verName}属性"));
        }
        return (ver ?? "1.0", id);
    }

    private static bool IsNcName(string s)
    {
        try
        {
            XmlConvert.VerifyNCName(s);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
