using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;

namespace Silkgate.Clearance.Returns;

/// <summary>
/// The platform's checks of cancellations (605/623), returns (213/625) and return tallies (215) before they go to
/// customs, answered with customs' own codes (specification 202205 §7). Pure.
/// </summary>
internal static class ReturnChecks
{
    private const long DayMs = 86_400_000;

    /// <summary>−623003 list not found; −623005 the list's status does not allow a cancellation (not with customs, already
    /// ended, closed, or released longer ago than the window); −623009 a cancellation of it is already declared.</summary>
    public static Refusal? Cancellation(IncomingDocument doc, ReferencedList? list, bool pending, long now, ReturnOptions o)
    {
        var invt = doc.Facts.InvtNo;
        if (list is null)
        {
            return new Refusal(-623003, $"系统中不存在清单编号为[{invt}]的清单", $"no list numbered {invt} exists");
        }

        if (list.Status is DocumentStatus.Saved or DocumentStatus.Declared or DocumentStatus.Deleted or DocumentStatus.Rejected or DocumentStatus.Closed
            or DocumentStatus.Cancelled or DocumentStatus.GoodsReturned or DocumentStatus.Returned or DocumentStatus.ProcessingError)
        {
            return new Refusal(-623005, $"清单的状态不符合撤单申报要求(清单编号[{invt}]，状态{list.Status})",
                $"the status of list {invt} ({list.Status}) does not allow a cancellation");
        }

        if (list.Status == DocumentStatus.Released && list.ReleasedAt is { } at && now - at > o.CancelWithinDaysOfRelease * DayMs)
        {
            return new Refusal(-623005, $"清单[{invt}]放行已超过{o.CancelWithinDaysOfRelease}天，不能撤销",
                $"list {invt} was released more than {o.CancelWithinDaysOfRelease} days ago and can no longer be cancelled");
        }

        return pending ? new Refusal(-623009, $"撤单清单[{invt}]已经申报过", $"a cancellation of list {invt} was already declared") : null;
    }

    /// <summary>−625204 list not found; −625001 not released, past the window, or a quantity above the list's;
    /// −625209 a line the list does not have; −625033 a return of it is already declared.</summary>
    public static Refusal? Return(IncomingDocument doc, ReferencedList? list, bool pending, long now, ReturnOptions o)
    {
        var invt = doc.Facts.InvtNo;
        var name = doc.Facts.CopNo ?? doc.DocumentGuid;
        if (list is null)
        {
            return new Refusal(-625204, $"退货申请单[{name}]未找到清单编号为[{invt}]的清单", $"return {name}: no list numbered {invt} exists");
        }

        if (list.Status is not (DocumentStatus.Released or DocumentStatus.Closed) || list.ReleasedAt is not { } releasedAt)
        {
            return new Refusal(-625001, $"退货申请单报文校验失败，清单[{invt}]未放行（状态{list.Status}）",
                $"return {name}: list {invt} has not been released (status {list.Status})");
        }

        if (now - releasedAt > o.ApplyWithinDays * DayMs)
        {
            return new Refusal(-625001, $"退货申请单报文校验失败，清单[{invt}]放行已超过{o.ApplyWithinDays}天",
                $"return {name}: list {invt} was released more than {o.ApplyWithinDays} days ago");
        }

        var original = list.Lines.ToDictionary(l => l.Gnum);
        foreach (var line in doc.Facts.Lines)
        {
            if (!original.TryGetValue(line.Gnum, out var listLine))
            {
                return new Refusal(-625209, $"退货申请单[{name}],在关联的清单中未找到表体序号为[{line.Gnum}]的数据",
                    $"return {name}: list {invt} has no goods line {line.Gnum}");
            }

            if (line.Qty > listLine.Qty)
            {
                return new Refusal(-625001, $"退货申请单报文校验失败，第{line.Gnum}项退货数量[{Qty(line.Qty)}]大于原清单数量[{Qty(listLine.Qty)}]",
                    $"return {name}: line {line.Gnum} returns {Qty(line.Qty)}, more than the list's {Qty(listLine.Qty)}");
            }
        }

        return pending ? new Refusal(-625033, $"退货申请单[{name}]已经申报过，请勿重复申报", $"a return of list {invt} was already declared") : null;
    }

    /// <summary>2999 (customs has no tally family): the list is unknown, or the goods came back after the window.</summary>
    public static Refusal? Tally(IncomingDocument doc, ReferencedList? list, long now, ReturnOptions o)
    {
        var name = doc.Facts.LogisticsNo;
        if (list?.ReleasedAt is not { } releasedAt)
        {
            return new Refusal(-2999, $"理货明细单[{name}]未找到已放行的原清单", $"return tally {name}: no released list found for it");
        }

        return now - releasedAt > o.ArriveWithinDays * DayMs
            ? new Refusal(-2999, $"理货明细单[{name}]：退货商品须在放行后{o.ArriveWithinDays}天内运回", $"return tally {name}: the goods had to be back within {o.ArriveWithinDays} days of release")
            : null;
    }

    private static string Qty(long? units) => units is { } u ? new Kernel.Values.Amount(u).ToString() : "-";

    public static bool IsCancellation(CebDocumentKind kind) => kind == CebDocumentKind.ListCancel;
}
