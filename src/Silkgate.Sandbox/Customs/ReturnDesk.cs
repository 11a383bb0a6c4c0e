using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;
using Silkgate.Kernel.Values;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Customs;

/// <summary>Returns (213 export, 625 import): approved for a released list within the return window, quantities at most the
/// list's; an import return gives the buyer's annual amount back for the returned value.</summary>
internal static class ReturnDesk
{
    public static void Return(CustomsContext ctx, CebMessage message, IReadOnlyList<CebProblem> problems)
    {
        var returns = ListShapes.Returns(message);
        var import = message.MessageType.Direction == CebDirection.Import;
        for (int i = 0; i < returns.Count; i++)
        {
            var ret = returns[i];
            var invtNo = ret.Head.Text("invtNo");
            var preNo = ctx.NewPreNo();
            void Answer(string status, string info) =>
                ctx.Emit(CebReceipts.CreateReceipt(ret.Single, ctx.Result(status, info, ListDesk.Values(preNo, invtNo))), $"{status} return {invtNo}");

            var own = ListShapes.ProblemsOf(problems, message.MessageType.EntityName, i);
            var list = ctx.Unit.FindByInvtNo(invtNo);
            if (own.Count > 0)
            {
                Answer(message.MessageType.ValidationErrorCode, $"退货申请单报文校验失败，[{ListShapes.Describe(own)}]");
                continue;
            }
            if (list is null || list.IsImport != import)
            {
                Answer("-625004", $"退货申请单申报失败，[原清单{invtNo}不存在]");
                continue;
            }
            if (list.Ended is not null || list.Status is not (800 or 899) || list.ReleasedMs is null)
            {
                Answer("100", $"海关退单：原清单[{invtNo}]未放行或已撤销/退货 (status {list.Status})");
                continue;
            }
            if (ctx.NowMs - list.ReleasedMs.Value > (long)ctx.Options.ReturnWindow.TotalMilliseconds)
            {
                Answer("100", $"海关退单：已超过退货申请期限（放行后{ctx.Options.ReturnWindow.TotalDays:0}天）");
                continue;
            }
            var original = ListShapes.Stored(list.Message).Lines.ToDictionary(l => l.Int("gnum"));
            decimal value = 0m;
            bool whole = true;
            string? wrong = null;
            foreach (var line in ret.Lines)
            {
                var gnum = line.Int("gnum");
                if (!original.TryGetValue(gnum, out var orig) || line.Decimal("qty") > orig.Decimal("qty"))
                {
                    wrong = $"第{gnum}项退货数量超过原清单或原清单无此项";
                    break;
                }
                var qty = orig.Decimal("qty");
                value += qty == 0m ? 0m : orig.Decimal("totalPrice") * line.Decimal("qty") / qty;
                whole &= line.Decimal("qty") == qty;
            }
            if (wrong is not null)
            {
                Answer("-625001", $"退货申请单报文校验失败，[{wrong}]");
                continue;
            }
            whole &= ret.Lines.Count == original.Count;
            var restore = whole ? list.AmountUnits : Amount.FromDecimal(Math.Round(value, 5)).Units;
            if (whole)
            {
                CancelDesk.End(ctx, list, "returned", restore);
            }
            else if (list.IsImport && list.BuyerId is not null)
            {
                ctx.Unit.AddToLedger(list.BuyerId, list.LedgerYear, -restore);
            }
            Answer(import ? "399" : "800", $"退货申请审核通过 return approved ({Fields.Yuan(restore)})");
        }
    }
}
