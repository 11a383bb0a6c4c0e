using Silkgate.Ceb.Receipts;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Customs;

/// <summary>
/// Moves a list along its plan when its timer fires: entered (120) → examined (399) → released (800) → closed (899);
/// a rejected list stops at 100, a reviewed one passes 300 before 399, an inspected import list passes 500 before 800.
/// </summary>
internal static class ListProgress
{
    /// <param name="dueMs">When the timer was due: the next step counts from then, not from when the pass came round.</param>
    public static void Fire(CustomsContext ctx, ListRecord list, string step, long dueMs)
    {
        if (list.Ended is not null || list.Status is 100 or 899)
        {
            return;
        }
        var o = ctx.Options;
        switch (step)
        {
            case ListStep.Examine when list.Plan == ListPlan.Reject:
                Move(ctx, list, 100, "海关退单 rejected: 商品信息与申报不符 (sandbox rejection share)");
                if (list.IsImport && list.BuyerId is not null)
                {
                    ctx.Unit.AddToLedger(list.BuyerId, list.LedgerYear, -list.AmountUnits);
                }
                break;
            case ListStep.Examine when list.Plan == ListPlan.ManualReview:
                Move(ctx, list, 300, "人工审核 manual review");
                Next(ctx, list, ListStep.Examined, dueMs, o.HoldFor);
                break;
            case ListStep.Examine:
            case ListStep.Examined:
                Move(ctx, list, 399, "海关审结 examined");
                if (list.IsImport)
                {
                    TaxBills.Issue(ctx, list);
                }
                Next(ctx, list, list.Plan == ListPlan.Inspection ? ListStep.Inspect : ListStep.Release, dueMs, o.ReleaseAfter);
                break;
            case ListStep.Inspect:
                Move(ctx, list, 500, "查验 inspection");
                Next(ctx, list, ListStep.Release, dueMs, o.HoldFor);
                break;
            case ListStep.Release:
                list.ReleasedMs = dueMs;
                Move(ctx, list, 800, "放行 released");
                Next(ctx, list, ListStep.Close, dueMs, o.CloseAfter);
                break;
            case ListStep.Close:
                Move(ctx, list, 899, "结关 closed");
                if (list.TaxNo is not null)
                {
                    TaxBills.Status(ctx, list, "2", "summarised");
                }
                break;
        }
    }

    private static void Move(CustomsContext ctx, ListRecord list, int status, string info)
    {
        list.Status = status;
        ctx.Unit.UpdateList(list);
        var shape = ListShapes.Stored(list.Message);
        var receipt = CebReceipts.CreateReceipt(shape.Single, ctx.Result(status.ToString(System.Globalization.CultureInfo.InvariantCulture), info, ListDesk.Values(list.PreNo, list.InvtNo)));
        ctx.Emit(receipt, $"{status} {list.InvtNo}", toDxp: list.PlatformDxp);
    }

    private static void Next(CustomsContext ctx, ListRecord list, string step, long dueMs, TimeSpan after) =>
        ctx.Unit.Schedule(list.Id, step, dueMs + (long)after.TotalMilliseconds);
}
