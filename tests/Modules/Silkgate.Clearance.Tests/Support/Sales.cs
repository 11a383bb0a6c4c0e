using System.Globalization;
using Silkgate.Ceb;
using Silkgate.Ceb.Samples;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>Builds the four documents of one sale from the CEB samples, consistent with each other; tests mutate them.</summary>
public sealed class Sale
{
    private static int _serial;

    public Sale(CebDirection direction, string mode, string? orderNo = null)
    {
        Direction = direction;
        Mode = mode;
        var n = Interlocked.Increment(ref _serial).ToString("D6", CultureInfo.InvariantCulture);
        OrderNo = orderNo ?? $"ORD{Guid.NewGuid():N}"[..20] + n;
        LogisticsNo = $"LN{n}{Guid.NewGuid():N}"[..24];
        BuyerId = "3301021990" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
    }

    public const string EbpCode = "91330100MA2CFK4Q7P";
    public const string LogisticsCode = "3301980001";
    public const string PayCode = "3301960001";

    public CebDirection Direction { get; }
    public string Mode { get; }
    public string OrderNo { get; }
    public string LogisticsNo { get; }
    public string BuyerId { get; set; }
    public string AppTime { get; set; } = "20260301101500";
    public string AppStatus { get; set; } = "2";

    /// <summary>The document kinds of the sale in the order used by permutation tests.</summary>
    public IReadOnlyList<CebDocumentKind> Kinds => Direction == CebDirection.Import
        ? [CebDocumentKind.Order, CebDocumentKind.Payment, CebDocumentKind.Waybill, CebDocumentKind.DeclarationList]
        : [CebDocumentKind.Order, CebDocumentKind.PaymentReceipt, CebDocumentKind.Waybill, CebDocumentKind.DeclarationList];

    public CebMessage Message(CebDocumentKind kind) => (Direction, kind) switch
    {
        (CebDirection.Import, CebDocumentKind.Order) => ImportOrder(),
        (CebDirection.Import, CebDocumentKind.Payment) => ImportPayment(),
        (CebDirection.Import, CebDocumentKind.Waybill) => ImportWaybill(),
        (CebDirection.Import, CebDocumentKind.DeclarationList) => ImportList(),
        (CebDirection.Export, CebDocumentKind.Order) => ExportOrder(),
        (CebDirection.Export, CebDocumentKind.PaymentReceipt) => ExportReceipt(),
        (CebDirection.Export, CebDocumentKind.Waybill) => ExportWaybill(),
        (CebDirection.Export, CebDocumentKind.DeclarationList) => ExportList(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public Im.Ceb311Message ImportOrder(Action<Im.OrderHead>? change = null)
    {
        var m = (Im.Ceb311Message)CebSamples.Create(CebMessageType.Ceb311, lines: 2);
        var h = m.Order[0].OrderHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.EbpCode, h.OrderType) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, OrderNo, EbpCode, "I");
        (h.PayCode, h.PayTransactionId) = (PayCode, "PAY" + OrderNo);
        (h.BuyerIdType, h.BuyerIdNumber, h.BuyerName, h.BuyerTelephone) = ("1", BuyerId, "张三", "13800000000");
        (h.Consignee, h.ConsigneeTelephone, h.ConsigneeAddress) = ("李四", "13900000000", "浙江省杭州市西湖区文三路1号");
        change?.Invoke(h);
        return m;
    }

    public Im.Ceb411Message ImportPayment(Action<Im.PaymentHead>? change = null)
    {
        var m = (Im.Ceb411Message)CebSamples.Create(CebMessageType.Ceb411);
        var h = m.Payment[0].PaymentHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.EbpCode) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, OrderNo, EbpCode);
        (h.PayCode, h.PayTransactionId, h.AmountPaid, h.Currency) = (PayCode, "PAY" + OrderNo, ImportOrder().Order[0].OrderHead.ActuralPaid, "142");
        (h.PayerIdType, h.PayerIdNumber, h.PayerName) = ("1", BuyerId, "张三");
        change?.Invoke(h);
        return m;
    }

    public Im.Ceb511Message ImportWaybill(Action<Im.LogisticsHead>? change = null)
    {
        var m = (Im.Ceb511Message)CebSamples.Create(CebMessageType.Ceb511);
        var h = m.Logistics[0].LogisticsHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.LogisticsCode, h.LogisticsNo) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, OrderNo, LogisticsCode, LogisticsNo);
        (h.Consignee, h.ConsigneeTelephone, h.ConsigneeAddress, h.Currency) = ("李四", "13900000000", "浙江省杭州市西湖区文三路1号", "142");
        change?.Invoke(h);
        return m;
    }

    public Im.Ceb621Message ImportList(Action<Im.Inventory>? change = null)
    {
        var m = (Im.Ceb621Message)CebSamples.Create(CebMessageType.Ceb621, lines: 2);
        var v = m.Inventory[0];
        var h = v.InventoryHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.EbpCode, h.TradeMode) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, OrderNo, EbpCode, Mode);
        (h.LogisticsCode, h.LogisticsNo, h.CopNo, h.Currency, h.Freight, h.InsuredFee) = (LogisticsCode, LogisticsNo, "COP" + OrderNo, "142", 0m, 0m);
        (h.BuyerIdType, h.BuyerIdNumber, h.BuyerName) = ("1", BuyerId, "张三");
        h.EbcCode = ImportOrder().Order[0].OrderHead.EbcCode;
        change?.Invoke(v);
        return m;
    }

    public Ex.Ceb303Message ExportOrder(Action<Ex.Order>? change = null)
    {
        var m = (Ex.Ceb303Message)CebSamples.Create(CebMessageType.Ceb303, lines: 2);
        var h = m.Order[0].OrderHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.EbpCode, h.Currency) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, OrderNo, EbpCode, "142");
        h.OrderType = Mode switch { "9710" => "B", "9810" => "W", _ => "E" };
        h.Freight = 8m;
        change?.Invoke(m.Order[0]);
        return m;
    }

    public Ex.Ceb403Message ExportReceipt(Action<Ex.Receipts>? change = null)
    {
        var m = (Ex.Ceb403Message)CebSamples.Create(CebMessageType.Ceb403);
        var r = m.Receipts[0];
        var order = ExportOrder().Order[0].OrderHead;
        (r.Guid, r.AppType, r.AppStatus, r.AppTime, r.OrderNo, r.EbpCode, r.EbcCode) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, OrderNo, EbpCode, order.EbcCode);
        (r.Charge, r.Currency, r.PayCode) = (order.GoodsValue + order.Freight, "142", PayCode);
        change?.Invoke(r);
        return m;
    }

    public Ex.Ceb505Message ExportWaybill(Action<Ex.Logistics>? change = null)
    {
        var m = (Ex.Ceb505Message)CebSamples.Create(CebMessageType.Ceb505);
        var l = m.Logistics[0];
        (l.Guid, l.AppType, l.AppStatus, l.AppTime, l.LogisticsCode, l.LogisticsNo) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, LogisticsCode, LogisticsNo);
        l.EbcCode = ExportOrder().Order[0].OrderHead.EbcCode;
        change?.Invoke(l);
        return m;
    }

    public Ex.Ceb603Message ExportList(Action<Ex.Inventory>? change = null)
    {
        var m = (Ex.Ceb603Message)CebSamples.Create(CebMessageType.Ceb603, lines: 2);
        var v = m.Inventory[0];
        var h = v.InventoryHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.EbpCode, h.TradeMode) = (CebMessage.NewGuid(), "1", AppStatus, AppTime, OrderNo, EbpCode, Mode);
        (h.LogisticsCode, h.LogisticsNo, h.CopNo) = (LogisticsCode, LogisticsNo, "COP" + OrderNo);
        h.EbcCode = ExportOrder().Order[0].OrderHead.EbcCode;
        foreach (var line in v.InventoryList)
        {
            line.Currency = "142";
        }

        change?.Invoke(v);
        return m;
    }

    /// <summary>Every ordering of a list (24 for four documents).</summary>
    public static IEnumerable<T[]> Permutations<T>(IReadOnlyList<T> items) => items.Count <= 1
        ? [items.ToArray()]
        : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => (T[])[item, .. rest]));
}
