using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Silkgate.Ceb.Dxp;

/// <summary>Builds and writes DXP envelopes.</summary>
public static class DxpWriter
{
    private const string Ns = CebNamespaces.Dxp;

    /// <summary>A terminal envelope around a business message (MsgType = its root name, CreatTime = now in local form).</summary>
    public static DxpMsg Wrap(CebMessage message, string senderId, IEnumerable<string> receiverIds, string? copMsgId = null, DateTime? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new DxpMsg
        {
            TransInfo = new DxpTransInfo
            {
                CopMsgId = copMsgId ?? message.Guid,
                SenderId = senderId,
                ReceiverIds = [.. receiverIds],
                CreatTime = XmlConvert.ToString(createdAt ?? TimeProvider.System.GetLocalNow().DateTime, "yyyy-MM-ddTHH:mm:ss"),
                MsgType = message.MessageType.RootName,
            },
            Data = Writing.CebWriter.ToBytes(message),
        };
    }

    public static byte[] ToBytes(DxpMsg msg) => Write(w => WriteMsg(w, msg, declareNs: true));

    public static byte[] ToBytes(DxpMsgSv sv)
    {
        ArgumentNullException.ThrowIfNull(sv);
        return Write(w =>
        {
            w.WriteStartElement("dxp", "DxpMsgSv", Ns);
            w.WriteAttributeString("ver", sv.Ver);
            if (sv.Id is not null) { w.WriteAttributeString("Id", sv.Id); }
            w.WriteStartElement("SvNo", Ns);
            w.WriteAttributeString("Ver", sv.SvNo.Ver);
            w.WriteElementString("MsgId", Ns, sv.SvNo.MsgId);
            if (sv.SvNo.SubMsgId is not null) { w.WriteElementString("SubMsgId", Ns, sv.SvNo.SubMsgId); }
            w.WriteElementString("SendTime", Ns, sv.SvNo.SendTime);
            w.WriteElementString("EndNode", Ns, sv.SvNo.EndNode);
            w.WriteElementString("StaNode", Ns, sv.SvNo.StaNode);
            w.WriteEndElement();
            WriteMsg(w, sv.DxpMsg, declareNs: false);
            sv.Signature?.WriteTo(w);
            w.WriteEndElement();
        });
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            body(w);
        }
        return ms.ToArray();
    }

    private static void WriteMsg(XmlWriter w, DxpMsg m, bool declareNs)
    {
        ArgumentNullException.ThrowIfNull(m);
        w.WriteStartElement("dxp", "DxpMsg", Ns);
        if (declareNs)
        {
            w.WriteAttributeString("xmlns", "dxp", null, Ns);
        }
        w.WriteAttributeString("ver", m.Ver);
        if (m.Id is not null) { w.WriteAttributeString("Id", m.Id); }
        w.WriteStartElement("TransInfo", Ns);
        w.WriteElementString("CopMsgId", Ns, m.TransInfo.CopMsgId);
        w.WriteElementString("SenderId", Ns, m.TransInfo.SenderId);
        w.WriteStartElement("ReceiverIds", Ns);
        foreach (var r in m.TransInfo.ReceiverIds)
        {
            w.WriteElementString("ReceiverId", Ns, r);
        }
        w.WriteEndElement();
        w.WriteElementString("CreatTime", Ns, m.TransInfo.CreatTime);
        w.WriteElementString("MsgType", Ns, m.TransInfo.MsgType);
        w.WriteEndElement();
        w.WriteStartElement("Data", Ns);
        var data = m.Data.ToArray();
        w.WriteBase64(data, 0, data.Length);
        w.WriteEndElement();
        if (m.AddInfo is { } a)
        {
            w.WriteStartElement("AddInfo", Ns);
            if (a.FileName is not null) { w.WriteElementString("FileName", Ns, a.FileName); }
            if (a.IcCard is not null) { w.WriteElementString("IcCard", Ns, a.IcCard); }
            if (a.BizKey is { Count: > 0 })
            {
                w.WriteStartElement("BizKey", Ns);
                foreach (var k in a.BizKey)
                {
                    w.WriteStartElement("Key", Ns);
                    if (k.Name is not null) { w.WriteAttributeString("name", k.Name); }
                    w.WriteString(k.Value);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            if (a.IsTextEncode is not null)
            {
                w.WriteStartElement("IsText", Ns);
                w.WriteAttributeString("Encode", a.IsTextEncode);
                w.WriteEndElement();
            }
            a.RecMapId?.WriteTo(w);
            w.WriteEndElement();
        }
        m.Signature?.WriteTo(w);
        w.WriteEndElement();
    }

    /// <summary>Reads the business message inside an envelope, with the same limits applied to the decoded payload.</summary>
    public static Reading.CebReadResult ReadPayload(DxpEnvelope envelope, Reading.CebReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return Reading.CebReader.Read(envelope.Message.Data, options);
    }

}
