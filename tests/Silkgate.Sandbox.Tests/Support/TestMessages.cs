using System.Globalization;
using Silkgate.Ceb;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Validation;
using Export = Silkgate.Ceb.Export;
using Import = Silkgate.Ceb.Import;

namespace Silkgate.Sandbox.Tests.Support;

/// <summary>Valid declarations built from the CEB samples, with the fields the tests care about set.</summary>
internal static class TestMessages
{
    private static int _cop;

    /// <summary>An 18-character resident id with a correct check character; <paramref name="n"/> 0–99 varies it.</summary>
    public static string BuyerId(int n)
    {
        var stem = "330102199003071" + n.ToString("D2", CultureInfo.InvariantCulture);
        return stem + Identifiers.ResidentIdCheckCharacter(stem);
    }

    public static Import.Ceb621Message ImportList(string buyerId, params (string Gcode, decimal Qty, decimal Price)[] lines)
    {
        var m = (Import.Ceb621Message)CebSamples.Create(CebMessageType.Ceb621, lines.Length);
        m.Guid = CebMessage.NewGuid();
        var inv = m.Inventory[0];
        var h = inv.InventoryHead;
        h.Guid = CebMessage.NewGuid();
        h.CopNo = NextCopNo();
        h.AppType = "1";
        h.AppStatus = "2";
        h.BuyerIdNumber = buyerId;
        h.Freight = 0m;
        h.InsuredFee = 0m;
        for (int i = 0; i < lines.Length; i++)
        {
            var l = inv.InventoryList[i];
            (l.Gcode, l.Qty, l.Price, l.TotalPrice) = (lines[i].Gcode, lines[i].Qty, lines[i].Price, lines[i].Qty * lines[i].Price);
        }
        return m;
    }

    public static Import.Ceb621Message ImportList(string buyerId, decimal value) => ImportList(buyerId, ("6109100021", 1m, value));

    public static Export.Ceb603Message ExportList(string statisticsFlag = "B", params (string Gcode, decimal Qty, decimal Price)[] lines)
    {
        if (lines.Length == 0)
        {
            lines = [("6109100021", 2m, 12.5m)];
        }
        var m = (Export.Ceb603Message)CebSamples.Create(CebMessageType.Ceb603, lines.Length);
        m.Guid = CebMessage.NewGuid();
        var inv = m.Inventory[0];
        var h = inv.InventoryHead;
        h.Guid = CebMessage.NewGuid();
        h.CopNo = NextCopNo();
        h.AppType = "1";
        h.AppStatus = "2";
        h.StatisticsFlag = statisticsFlag;
        for (int i = 0; i < lines.Length; i++)
        {
            var l = inv.InventoryList[i];
            (l.Gcode, l.Qty, l.Price, l.TotalPrice) = (lines[i].Gcode, lines[i].Qty, lines[i].Price, lines[i].Qty * lines[i].Price);
        }
        return m;
    }

    public static Import.Ceb623Message ImportCancel(string invtNo)
    {
        var m = (Import.Ceb623Message)CebSamples.Create(CebMessageType.Ceb623, 1);
        m.Guid = CebMessage.NewGuid();
        m.InvtCancel[0].Guid = CebMessage.NewGuid();
        m.InvtCancel[0].AppStatus = "2";
        m.InvtCancel[0].InvtNo = invtNo;
        return m;
    }

    public static Export.Ceb605Message ExportCancel(string invtNo)
    {
        var m = (Export.Ceb605Message)CebSamples.Create(CebMessageType.Ceb605, 1);
        m.Guid = CebMessage.NewGuid();
        m.InvtCancel[0].Guid = CebMessage.NewGuid();
        m.InvtCancel[0].InvtNo = invtNo;
        return m;
    }

    public static Import.Ceb625Message ImportReturn(string invtNo, params (int Gnum, decimal Qty)[] lines)
    {
        var m = (Import.Ceb625Message)CebSamples.Create(CebMessageType.Ceb625, lines.Length);
        m.Guid = CebMessage.NewGuid();
        var r = m.InvtRefund[0];
        r.InvtRefundHead.Guid = CebMessage.NewGuid();
        r.InvtRefundHead.AppStatus = "2";
        r.InvtRefundHead.InvtNo = invtNo;
        for (int i = 0; i < lines.Length; i++)
        {
            (r.InvtRefundList[i].Gnum, r.InvtRefundList[i].Qty) = (lines[i].Gnum, lines[i].Qty);
        }
        return m;
    }

    public static Export.Ceb213Message ExportReturn(string invtNo, params (int Gnum, decimal Qty)[] lines)
    {
        var m = (Export.Ceb213Message)CebSamples.Create(CebMessageType.Ceb213, lines.Length);
        m.Guid = CebMessage.NewGuid();
        var r = m.InvtRefund[0];
        r.InvtRefundHead.Guid = CebMessage.NewGuid();
        r.InvtRefundHead.InvtNo = invtNo;
        for (int i = 0; i < lines.Length; i++)
        {
            (r.InvtRefundList[i].Gnum, r.InvtRefundList[i].Qty) = (lines[i].Gnum, lines[i].Qty);
        }
        return m;
    }

    /// <summary>A summary application for named lists, or (with a window) for the lists released in it.</summary>
    public static Export.Ceb701Message SummaryApplication(IEnumerable<string> invtNos, string? startTime = null, string? endTime = null)
    {
        var m = (Export.Ceb701Message)CebSamples.Create(CebMessageType.Ceb701, 1);
        m.Guid = CebMessage.NewGuid();
        var apply = m.SummaryApply[0];
        apply.SummaryApplyHead.Guid = CebMessage.NewGuid();
        apply.SummaryApplyHead.StartTime = startTime;
        apply.SummaryApplyHead.EndTime = endTime;
        apply.SummaryApplyList = invtNos.Select(n => new Export.SummaryApplyList { InvtNo = n }).ToList();
        return m;
    }

    private static string NextCopNo() => "COP" + Interlocked.Increment(ref _cop).ToString("D8", CultureInfo.InvariantCulture) + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
}
