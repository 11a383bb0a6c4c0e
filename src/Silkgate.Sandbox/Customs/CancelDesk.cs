using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Customs;

/// <summary>List cancellations (605 export, 623 import): approved while the list lives and is not yet closed.</summary>
internal static class CancelDesk
{
    public static void Cancel(CustomsContext ctx, CebMessage message, IReadOnlyList<CebProblem> problems)
    {
        var cancels = ListShapes.Cancels(message);
        for (int i = 0; i < cancels.Count; i++)
        {
            var (entity, single) = cancels[i];
            var invtNo = entity.Text("invtNo");
            var preNo = ctx.NewPreNo();
            void Answer(string status, string info) =>
                ctx.Emit(CebReceipts.CreateReceipt(single, ctx.Result(status, info, ListDesk.Values(preNo, invtNo))), $"{status} cancel {invtNo}");

            var own = ListShapes.ProblemsOf(problems, message.MessageType.EntityName, i);
            var list = ctx.Unit.FindByInvtNo(invtNo);
            if (own.Count > 0)
            {
                Answer(message.MessageType.ValidationErrorCode, $"报文校验失败，[{ListShapes.Describe(own)}]");
            }
            else if (list is null || list.IsImport != (message.MessageType.Direction == CebDirection.Import))
            {
                Answer("-623003", $"系统中不存在清单编号为[{invtNo}]的清单！");
            }
            else if (list.Ended is not null || list.Status is 100 or 899)
            {
                Answer("-623005", $"清单的状态不符合撤单申报要求(清单编号[{invtNo}])！ status {list.Status}{(list.Ended is null ? "" : ", " + list.Ended)}");
            }
            else
            {
                End(ctx, list, "cancelled", list.AmountUnits);
                Answer("399", "撤销申请审核通过 cancellation approved");
            }
        }
    }

    /// <summary>Ends a list (cancelled or wholly returned): no more timers, the buyer's amount back, the tax bill void.</summary>
    public static void End(CustomsContext ctx, ListRecord list, string how, long restoreUnits)
    {
        list.Ended = how;
        ctx.Unit.UpdateList(list);
        ctx.Unit.CancelTimers(list.Id);
        if (list.IsImport && list.BuyerId is not null)
        {
            ctx.Unit.AddToLedger(list.BuyerId, list.LedgerYear, -restoreUnits);
        }
        if (list.TaxNo is not null)
        {
            TaxBills.Status(ctx, list, "3", "void");
        }
    }
}
