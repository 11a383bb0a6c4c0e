using Silkgate.Ceb;
using Silkgate.Kernel.Values;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Declarations;

/// <summary>Turns a declaration message into its business documents, one per entity.</summary>
internal sealed partial class DocumentDecoder(PersonalData personal)
{
    /// <summary>The documents of a declaration message; empty for receipts and customs notices, which are not declarations.</summary>
    public IReadOnlyList<IncomingDocument> Decode(CebMessage message) => message switch
    {
        Im.Ceb311Message m => m.Order.Select((o, i) => Doc(i, m, o.OrderHead.Guid, o.OrderHead.AppType, o.OrderHead.AppStatus, o.OrderHead.AppTime, ImportOrder(o))).ToList(),
        Im.Ceb411Message m => m.Payment.Select((p, i) => Doc(i, m, p.PaymentHead.Guid, p.PaymentHead.AppType, p.PaymentHead.AppStatus, p.PaymentHead.AppTime, ImportPayment(p.PaymentHead))).ToList(),
        Im.Ceb511Message m => m.Logistics.Select((l, i) => Doc(i, m, l.LogisticsHead.Guid, l.LogisticsHead.AppType, l.LogisticsHead.AppStatus, l.LogisticsHead.AppTime, ImportWaybill(l.LogisticsHead))).ToList(),
        Im.Ceb621Message m => m.Inventory.Select((v, i) => Doc(i, m, v.InventoryHead.Guid, v.InventoryHead.AppType, v.InventoryHead.AppStatus, v.InventoryHead.AppTime, ImportList(v))).ToList(),
        Ex.Ceb303Message m => m.Order.Select((o, i) => Doc(i, m, o.OrderHead.Guid, o.OrderHead.AppType, o.OrderHead.AppStatus, o.OrderHead.AppTime, ExportOrder(o))).ToList(),
        Ex.Ceb403Message m => m.Receipts.Select((r, i) => Doc(i, m, r.Guid, r.AppType, r.AppStatus, r.AppTime, ExportReceipt(r))).ToList(),
        Ex.Ceb505Message m => m.Logistics.Select((l, i) => Doc(i, m, l.Guid, l.AppType, l.AppStatus, l.AppTime, ExportWaybill(l))).ToList(),
        Ex.Ceb603Message m => m.Inventory.Select((v, i) => Doc(i, m, v.InventoryHead.Guid, v.InventoryHead.AppType, v.InventoryHead.AppStatus, v.InventoryHead.AppTime, ExportList(v))).ToList(),
        _ => DecodeStoredOnly(message),
    };

    private static IncomingDocument Doc(int index, CebMessage message, string? guid, string? appType, string? appStatus, string? appTime, DocumentFacts facts)
    {
        var type = message.MessageType;
        var g = guid ?? message.Guid;
        return new IncomingDocument(index, type, g, DocumentKeys.For(type.Kind, type.Direction, facts, g),
            Digit(appType, 3), Digit(appStatus, 2), appTime ?? "", facts);
    }

    private static int Digit(string? text, int max) => text is { Length: 1 } && text[0] >= '1' && text[0] <= '0' + max ? text[0] - '0' : 0;

    internal static long? Units(decimal? value) => value is { } d && Amount.TryFromDecimal(d, out var a) ? a.Units : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
