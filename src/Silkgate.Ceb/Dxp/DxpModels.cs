using System.Xml.Linq;

namespace Silkgate.Ceb.Dxp;

/// <summary>DXP terminal envelope <c>dxp:DxpMsg</c>: routing information and the Base64-carried business XML.</summary>
public sealed class DxpMsg
{
    public string Ver { get; set; } = "1.0";
    public string? Id { get; set; }
    public DxpTransInfo TransInfo { get; set; } = new();
    /// <summary>The decoded payload (the business message bytes).</summary>
    public ReadOnlyMemory<byte> Data { get; set; }
    public DxpAddInfo? AddInfo { get; set; }
    /// <summary>Envelope signature, kept as XML.</summary>
    public XElement? Signature { get; set; }
}

public sealed class DxpTransInfo
{
    public string CopMsgId { get; set; } = string.Empty;
    public string SenderId { get; set; } = string.Empty;
    /// <summary>1 to 5 receivers, e.g. DXPEDCCEB0000002 (import) or DXPEDCCEB0000003 (export).</summary>
    public List<string> ReceiverIds { get; set; } = [];
    /// <summary>xs:dateTime text, e.g. 2026-11-22T13:10:00.</summary>
    public string CreatTime { get; set; } = string.Empty;
    /// <summary>Message type, e.g. CEB311Message.</summary>
    public string MsgType { get; set; } = string.Empty;
}

public sealed class DxpAddInfo
{
    public string? FileName { get; set; }
    public string? IcCard { get; set; }
    /// <summary>Business keys (BizKey/Key, 1–5), each with an optional name attribute.</summary>
    public List<DxpKey>? BizKey { get; set; }
    /// <summary>IsText/@Encode when the payload is text.</summary>
    public string? IsTextEncode { get; set; }
    /// <summary>RecMapId (any content), kept as XML.</summary>
    public XElement? RecMapId { get; set; }
}

public sealed record DxpKey(string? Name, string Value);

/// <summary>DXP transfer envelope <c>dxp:DxpMsgSv</c>: server routing information around a terminal envelope.</summary>
public sealed class DxpMsgSv
{
    public string Ver { get; set; } = "1.0";
    public string? Id { get; set; }
    public DxpSvNo SvNo { get; set; } = new();
    public DxpMsg DxpMsg { get; set; } = new();
    public XElement? Signature { get; set; }
}

public sealed class DxpSvNo
{
    public string Ver { get; set; } = "1.0";
    public string MsgId { get; set; } = string.Empty;
    public string? SubMsgId { get; set; }
    public string SendTime { get; set; } = string.Empty;
    public string EndNode { get; set; } = string.Empty;
    public string StaNode { get; set; } = string.Empty;
}

/// <summary>A DXP envelope as read: the terminal envelope, and the transfer envelope around it when there is one.</summary>
public sealed class DxpEnvelope(DxpMsg message, DxpMsgSv? transfer)
{
    public DxpMsg Message { get; } = message;
    public DxpMsgSv? Transfer { get; } = transfer;
}

internal static class DxpNames
{
    internal static readonly string[] All =
    [
        "DxpMsg", "DxpMsgSv", "TransInfo", "Data", "AddInfo", "CopMsgId", "SenderId", "ReceiverIds", "ReceiverId", "CreatTime", "MsgType",
        "FileName", "IcCard", "BizKey", "Key", "IsText", "RecMapId", "Encode", "name", "SvNo", "MsgId", "SubMsgId", "SendTime", "EndNode", "StaNode", "Signature",
    ];
}
