using System.Text.RegularExpressions;
using System.Xml;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Validation;

namespace Silkgate.Ceb.Dxp;

/// <summary>Reads the DXP envelopes with the same limits and problem reporting as the business messages.
/// The envelopes are small and fixed, so their content model is written out here rather than generated.</summary>
internal sealed partial class DxpReadEngine(ReadEngine engine, XmlReader r, CebReaderOptions options)
{
    private const string Dxp = CebNamespaces.Dxp;

    internal DxpEnvelope ReadEnvelope(bool transfer)
    {
        if (!transfer)
        {
            return new DxpEnvelope(ReadMsg(), null);
        }
        var sv = new DxpMsgSv();
        (sv.Ver, sv.Id) = VerAndId("DxpMsgSv", "ver");
        Sequence(
            ("SvNo", 1, 1, () => sv.SvNo = ReadSvNo()),
            ("DxpMsg", 1, 1, () => sv.DxpMsg = ReadMsg()),
            ("Signature", 0, 1, () => sv.Signature = ReadSignature()));
        return new DxpEnvelope(sv.DxpMsg, sv);
    }

    private DxpMsg ReadMsg()
    {
        var m = new DxpMsg();
        (m.Ver, m.Id) = VerAndId("DxpMsg", "ver");
        Sequence(
            ("TransInfo", 1, 1, () => ReadTransInfo(m.TransInfo)),
            ("Data", 1, 1, () => m.Data = ReadData()),
            ("AddInfo", 0, 1, () => m.AddInfo = ReadAddInfo()),
            ("Signature", 0, 1, () => m.Signature = ReadSignature()));
        return m;
    }

    private void ReadTransInfo(DxpTransInfo t)
    {
        NoAttributes();
        Sequence(
            ("CopMsgId", 1, 1, () => t.CopMsgId = Text(1, 255)),
            ("SenderId", 1, 1, () => t.SenderId = Text(1, 16)),
            ("ReceiverIds", 1, 1, () =>
            {
                NoAttributes();
                Sequence(("ReceiverId", 1, 5, () => t.ReceiverIds.Add(Text(1, 16))));
            }),
            ("CreatTime", 1, 1, () => t.CreatTime = DateTimeText()),
            ("MsgType", 1, 1, () => t.MsgType = Text(0, 30)));
    }

    private DxpSvNo ReadSvNo()
    {
        var s = new DxpSvNo();
        (s.Ver, _) = VerAndId("SvNo", "Ver", allowId: false);
        Sequence(
            ("MsgId", 1, 1, () => s.MsgId = Text(1, 32)),
            ("SubMsgId", 0, 1, () => s.SubMsgId = Text(1, 1)),
            ("SendTime", 1, 1, () => s.SendTime = DateTimeText()),
            ("EndNode", 1, 1, () => s.EndNode = Text(1, 8)),
            ("StaNode", 1, 1, () => s.StaNode = Text(1, 8)));
        return s;
    }

    private DxpAddInfo ReadAddInfo()
    {
        NoAttributes();
        var a = new DxpAddInfo();
        Sequence(
            ("FileName", 0, 1, () => a.FileName = Text(1, 255)),
            ("IcCard", 0, 1, () => a.IcCard = Text(1, 13)),
            ("BizKey", 0, 1, () =>
            {
                NoAttributes();
                a.BizKey = [];
                Sequence(("Key", 1, 5, () =>
                {
                    string? name = null;
                    while (r.MoveToNextAttribute())
                    {
                        if (r.NamespaceURI.Length == 0 && r.LocalName == "name")
                        {
                            name = engine.TextValue();
                            LengthIssue(name.Length, 1, 32);
                        }
                        else if (!engine.IsIgnorableAttribute())
                        {
                            engine.Report(new Issue("schema.attribute-not-allowed", $"attribute {r.Name} is not allowed", $"不允许属性{r.Name}"));
                        }
                    }
                    r.MoveToElement();
                    a.BizKey.Add(new DxpKey(name, Text(1, 64, checkAttributes: false)));
                }));
            }),
            ("IsText", 0, 1, () =>
            {
                string? encode = null;
                while (r.MoveToNextAttribute())
                {
                    if (r.NamespaceURI.Length == 0 && r.LocalName == "Encode")
                    {
                        encode = engine.TextValue();
                        LengthIssue(encode.Length, 0, 50);
                    }
                    else if (!engine.IsIgnorableAttribute())
                    {
                        engine.Report(new Issue("schema.attribute-not-allowed", $"attribute {r.Name} is not allowed", $"不允许属性{r.Name}"));
                    }
                }
                r.MoveToElement();
                if (encode is null)
                {
                    engine.Report(new Issue("schema.missing-attribute", "IsText needs the Encode attribute", "IsText缺少Encode属性"));
                }
                a.IsTextEncode = encode ?? string.Empty;
                Sequence();
            }),
            ("RecMapId", 0, 1, () => a.RecMapId = engine.Capture()));
        return a;
    }

    private System.Xml.Linq.XElement ReadSignature()
    {
        var sig = engine.Capture();
        foreach (var issue in SignatureShape.Check(sig))
        {
            engine.Report(issue);
        }
        return sig;
    }

    private ReadOnlyMemory<byte> ReadData()
    {
        NoAttributes();
        if (r.IsEmptyElement)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        using var ms = new MemoryStream();
        var buffer = new byte[8192];
        engine.Next();
        try
        {
            while (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int n = r.ReadContentAsBase64(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    break;
                }
                ms.Write(buffer, 0, n);
                if (ms.Length > options.MaxBytes)
                {
                    throw new CebReadRefusedException(CebReadFailure.TooLarge, $"decoded payload exceeds the limit of {options.MaxBytes} bytes");
                }
            }
        }
        catch (XmlException ex)
        {
            throw new CebReadRefusedException(CebReadFailure.BadPayload, "Data is not valid Base64: " + ex.Message);
        }
        // The reader now stands on the first node that is not text: the end tag, or a stray element.
        while (r.NodeType != XmlNodeType.EndElement)
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                engine.OnElement();
                engine.Report(new Issue("schema.element-not-allowed", "Data holds only Base64 text", "Data只能包含Base64文本"));
                engine.Skip();
            }
            if (!engine.Next())
            {
                break;
            }
        }
        return ms.ToArray();
    }

    [GeneratedRegex(@"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    private string DateTimeText()
    {
        var s = Facets.Collapse(Text(-1, -1));
        var m = DateTimePattern().Match(s);
        bool ok = m.Success;
        if (ok)
        {
            int year = int.Parse(s.AsSpan(s.IndexOf('-', 1) - 4, 4), System.Globalization.CultureInfo.InvariantCulture);
            int p = s.IndexOf('T', StringComparison.Ordinal);
            int month = int.Parse(s.AsSpan(p - 5, 2), System.Globalization.CultureInfo.InvariantCulture);
            int day = int.Parse(s.AsSpan(p - 2, 2), System.Globalization.CultureInfo.InvariantCulture);
            int hour = int.Parse(s.AsSpan(p + 1, 2), System.Globalization.CultureInfo.InvariantCulture);
            int minute = int.Parse(s.AsSpan(p + 4, 2), System.Globalization.CultureInfo.InvariantCulture);
            int second = int.Parse(s.AsSpan(p + 7, 2), System.Globalization.CultureInfo.InvariantCulture);
            ok = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)
                && (hour < 24 || (hour == 24 && minute == 0 && second == 0)) && minute < 60 && second < 60;
        }
        if (!ok)
        {
            engine.Report(new Issue("schema.datetime", "not an xs:dateTime (yyyy-MM-ddTHH:mm:ss)", "不是有效的日期时间"));
        }
        return s;
    }
}
