using Silkgate.Ceb.Schema;
using Silkgate.Ceb.Writing;

namespace Silkgate.Ceb.Receipts;

/// <summary>The outcome a receipt reports. <paramref name="Values"/> supplies receipt fields the request does not carry
/// (e.g. customs-assigned <c>preNo</c> or <c>invtNo</c>), by XML name.</summary>
public sealed record CebReceiptResult(string ReturnStatus, string ReturnInfo, DateTime ReturnTime, IReadOnlyDictionary<string, string>? Values = null);

/// <summary>Builds receipt messages: one return entity per business entity, its keys copied from the request.</summary>
public static class CebReceipts
{
    public static CebMessage CreateReceipt(CebMessage request, CebReceiptResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var receiptType = request.MessageType.ReceiptType
            ?? throw new ArgumentException($"{request.MessageType} has no receipt message.", nameof(request));
        var receipt = (CebMessage)receiptType.Schema.Factory();
        var entitySlot = request.Schema.Slots[0];
        var returnSlot = receiptType.Schema.Slots[0];
        int n = request.GetCount(entitySlot.Index);
        for (int i = 0; i < n; i++)
        {
            var source = request.GetChild(entitySlot.Index, i);
            var target = returnSlot.Entity!.Factory();
            foreach (var slot in returnSlot.Entity.Slots)
            {
                var text = slot.Name switch
                {
                    "returnStatus" => result.ReturnStatus,
                    "returnInfo" => result.ReturnInfo,
                    "returnTime" => CebFormat.Time17(result.ReturnTime),
                    _ => result.Values?.GetValueOrDefault(slot.Name) ?? Find(source, slot.Name),
                };
                if (text is not null || slot.Min > 0)
                {
                    target.SetFieldText(slot.Name, text ?? string.Empty);
                }
            }
            receipt.AddChild(returnSlot.Index, target);
        }
        return receipt;
    }

    /// <summary>The 900 format-check receipt for a message that could not be processed (returnStatus below zero).</summary>
    public static Import.Ceb900Message CreateFormatReceipt(string messageGuid, string oriCopMsgId, string oriMessageType, string oriBizMessage, CebReceiptResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Import.Ceb900Message
        {
            MessageReturn = new Import.MessageReturn
            {
                Guid = messageGuid,
                ReturnStatus = result.ReturnStatus,
                ReturnInfo = result.ReturnInfo,
                ReturnTime = CebFormat.Time17(result.ReturnTime),
                OriCopMsgId = oriCopMsgId,
                OriMessageType = oriMessageType,
                OriBizMessage = oriBizMessage,
            },
        };
    }

    /// <summary>A field of the entity or of its single child entities (heads), by XML name.</summary>
    private static string? Find(CebEntity e, string name)
    {
        if (e.GetFieldText(name) is { } v)
        {
            return v;
        }
        foreach (var slot in e.Schema.Slots)
        {
            if (slot.Kind == SlotKind.Entity && slot.Max == 1 && e.GetCount(slot.Index) == 1 && Find(e.GetChild(slot.Index, 0), name) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
