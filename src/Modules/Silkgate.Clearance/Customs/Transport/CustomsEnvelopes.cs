using System.Xml;
using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>Wraps a signed business message in the DXP terminal envelope customs expects (see BRIEF's agreed facts).</summary>
internal sealed class CustomsEnvelopes(IOptions<CustomsTransportOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The envelope bytes, or null when the message type is not a CEB message of the 202205 edition.</summary>
    public OutgoingEnvelope? Wrap(string messageType, string messageGuid, byte[] signedMessage)
    {
        if (!CebMessageType.TryParse(messageType, out var type) || type is null)
        {
            return null;
        }

        var o = options.Value;
        var msg = new DxpMsg
        {
            TransInfo = new DxpTransInfo
            {
                CopMsgId = messageGuid,
                SenderId = o.DxpId,
                ReceiverIds = [type.Direction == CebDirection.Import ? o.ImportReceiverId : o.ExportReceiverId],
                CreatTime = XmlConvert.ToString(time.GetUtcNow().ToOffset(Beijing).DateTime, "yyyy-MM-ddTHH:mm:ss"),
                MsgType = type.RootName,
            },
            Data = signedMessage,
        };
        return new OutgoingEnvelope(type.RootName, messageGuid, DxpWriter.ToBytes(msg));
    }
}
