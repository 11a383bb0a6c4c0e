using System.Globalization;
using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;
using Silkgate.Ceb.Samples;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>Customs' receipts (built with <see cref="CebReceipts"/>) and the documents declared outside a sale.</summary>
internal static class CustomsMessages
{
    public static readonly DateTime Start = new(2026, 3, 1, 11, 0, 0);

    /// <summary>Customs' answer to <paramref name="request"/> with a status, at <see cref="Start"/> + <paramref name="minutes"/>.</summary>
    public static CebMessage Receipt(CebMessage request, string status, int minutes, string? invtNo = null, string? preNo = null, string info = "ok")
    {
        var values = new Dictionary<string, string>();
        if (invtNo is not null) { values["invtNo"] = invtNo; }
        if (preNo is not null) { values["preNo"] = preNo; }
        return CebReceipts.CreateReceipt(request, new CebReceiptResult(status, info, Start.AddMinutes(minutes), values));
    }

    public static string ImportListNo(int n) => "29902026I" + n.ToString("D9", CultureInfo.InvariantCulture);

    public static string ExportListNo(int n) => "29902026E" + n.ToString("D11", CultureInfo.InvariantCulture);

    public static Im.Ceb623Message ImportCancel(Sale sale, string invtNo, string appTime = "20260305100000")
    {
        var m = (Im.Ceb623Message)CebSamples.Create(CebMessageType.Ceb623);
        var h = m.InvtCancel[0];
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.EbpCode, h.InvtNo) = (CebMessage.NewGuid(), "1", "2", appTime, sale.OrderNo, Sale.EbpCode, invtNo);
        (h.LogisticsCode, h.LogisticsNo, h.CopNo) = (Sale.LogisticsCode, sale.LogisticsNo, "CANCEL" + sale.OrderNo[..8]);
        return m;
    }

    public static Im.Ceb625Message ImportReturn(Sale sale, string invtNo, IEnumerable<(int Gnum, decimal Qty)> lines, string appTime = "20260305100000")
    {
        var m = (Im.Ceb625Message)CebSamples.Create(CebMessageType.Ceb625, lines: 1);
        var e = m.InvtRefund[0];
        var h = e.InvtRefundHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.OrderNo, h.EbpCode, h.InvtNo) = (CebMessage.NewGuid(), "1", "2", appTime, sale.OrderNo, Sale.EbpCode, invtNo);
        (h.LogisticsCode, h.LogisticsNo, h.CopNo) = (Sale.LogisticsCode, sale.LogisticsNo, "RET" + sale.OrderNo[..8]);
        var template = e.InvtRefundList[0];
        e.InvtRefundList = lines.Select(l => new Im.InvtRefundList { Gnum = l.Gnum, Gcode = template.Gcode, Gname = template.Gname, Qty = l.Qty, Unit = template.Unit }).ToList();
        return m;
    }

    public static Ex.Ceb605Message ExportCancel(string invtNo, string appTime = "20260305100000")
    {
        var m = (Ex.Ceb605Message)CebSamples.Create(CebMessageType.Ceb605);
        var h = m.InvtCancel[0];
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.InvtNo, h.CopNo) = (CebMessage.NewGuid(), "1", "2", appTime, invtNo, "XC" + invtNo[^8..]);
        return m;
    }

    public static Ex.Ceb213Message ExportReturn(Sale sale, string invtNo, IEnumerable<(int Gnum, decimal Qty)> lines, string appTime = "20260305100000")
    {
        var m = (Ex.Ceb213Message)CebSamples.Create(CebMessageType.Ceb213, lines: 1);
        var e = m.InvtRefund[0];
        var h = e.InvtRefundHead;
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.EbpCode, h.InvtNo) = (CebMessage.NewGuid(), "1", "2", appTime, Sale.EbpCode, invtNo);
        (h.LogisticsCode, h.LogisticsNo, h.CoElNo) = (Sale.LogisticsCode, "BACK" + sale.LogisticsNo[..10], "XR" + invtNo[^8..]);
        var template = e.InvtRefundList[0];
        e.InvtRefundList = lines.Select(l => new Ex.InvtRefundList
        {
            Gnum = l.Gnum, Gcode = template.Gcode, Gname = template.Gname, Gmodel = template.Gmodel, Qty = l.Qty, Qty1 = l.Qty, Unit = template.Unit, Unit1 = template.Unit1,
        }).ToList();
        return m;
    }

    public static Ex.Ceb215Message Tally(string logisticsNo, string? invtNo, string appTime = "20260306100000")
    {
        var m = (Ex.Ceb215Message)CebSamples.Create(CebMessageType.Ceb215);
        var h = m.InvtRefundDetail[0];
        (h.Guid, h.AppType, h.AppStatus, h.AppTime, h.LogisticsCode, h.LogisticsNo, h.InvtNo) = (CebMessage.NewGuid(), "1", "2", appTime, Sale.LogisticsCode, logisticsNo, invtNo);
        return m;
    }

    public static Ex.Ceb607Message MasterWaybill(Sale sale, string invtNo)
    {
        var m = (Ex.Ceb607Message)CebSamples.Create(CebMessageType.Ceb607, lines: 1);
        var e = m.WayBill[0];
        (e.WayBillHead.Guid, e.WayBillHead.AppType, e.WayBillHead.AppStatus, e.WayBillHead.AppTime, e.WayBillHead.LogisticsCode) =
            (CebMessage.NewGuid(), "1", "2", "20260302100000", Sale.LogisticsCode);
        e.WayBillList[0].LogisticsNo = sale.LogisticsNo;
        e.WayBillList[0].InvtNo = invtNo;
        return m;
    }

    public static Ex.Ceb507Message Arrival(Sale sale)
    {
        var m = (Ex.Ceb507Message)CebSamples.Create(CebMessageType.Ceb507, lines: 1);
        var e = m.Arrival[0];
        (e.ArrivalHead.Guid, e.ArrivalHead.AppType, e.ArrivalHead.AppStatus, e.ArrivalHead.AppTime, e.ArrivalHead.LogisticsCode) =
            (CebMessage.NewGuid(), "1", "2", "20260302090000", Sale.LogisticsCode);
        e.ArrivalList[0].LogisticsNo = sale.LogisticsNo;
        return m;
    }
}
