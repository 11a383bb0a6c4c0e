using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;
using Silkgate.Ceb.Writing;
using Silkgate.Kernel.Values;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Customs;

/// <summary>Declaration lists (603 export, 621 import): numbers, limits, entry and the first timer of each list.</summary>
internal static class ListDesk
{
    public static void Declare(CustomsContext ctx, CebMessage message, IReadOnlyList<CebProblem> problems)
    {
        var lists = ListShapes.Lists(message);
        for (int i = 0; i < lists.Count; i++)
        {
            DeclareOne(ctx, message.MessageType, lists[i], ListShapes.ProblemsOf(problems, message.MessageType.EntityName, i));
        }
    }

    private static void DeclareOne(CustomsContext ctx, CebMessageType type, ListShape list, IReadOnlyList<CebProblem> problems)
    {
        var head = list.Head;
        var copNo = head.Text("copNo");
        var import = type.Direction == CebDirection.Import;
        var preNo = ctx.NewPreNo();
        void Answer(string status, string info, string? invtNo = null) =>
            ctx.Emit(CebReceipts.CreateReceipt(list.Single, ctx.Result(status, info, Values(preNo, invtNo ?? head.Text("invtNo")))), $"{status} {copNo}");

        if (problems.Count > 0)
        {
            Answer(type.ValidationErrorCode, $"清单报文校验失败，[{ListShapes.Describe(problems)}]");
            return;
        }
        if (head.Text("appStatus") == "1")
        {
            Answer("1", "电子口岸已暂存 saved, not declared");
            return;
        }
        if (head.Text("appType") != "1")
        {
            Answer("-621011", $"不存在已申报的清单[{copNo}]，无法进行改单操作 (the sandbox accepts new lists only)");
            return;
        }
        var copKey = $"{(import ? 'I' : 'E')}|{head.Text("agentCode")}|{head.Text("ebcCode")}|{copNo}";
        if (ctx.Unit.FindList(copKey) is not null)
        {
            Answer("-621004", $"清单[{copNo}]已经申报过，请勿重复申报");
            return;
        }

        var amount = list.Lines.Sum(l => l.Decimal("totalPrice")) + head.Decimal("freight") + head.Decimal("insuredFee");
        var units = Amount.FromDecimal(amount).Units;
        var year = ctx.ChinaNow.Year;
        var buyer = import ? head.Text("buyerIdNumber") : null;
        if (import && ImportLimits.Refusal(ctx, copNo, buyer!, amount, year) is { } refusal)
        {
            Answer(refusal.Code, refusal.Info);
            return;
        }

        var ie = import ? 'I' : 'E';
        var district = ctx.Options.CustomsDistrict;
        var invtNo = CustomsNumbers.InvtNo(district, year, ie, ctx.NextSerial($"invtNo:{district}{year}{ie}"));
        var record = new ListRecord
        {
            Direction = import ? "I" : "E",
            CopKey = copKey,
            Guid = head.Text("guid"),
            PreNo = preNo,
            InvtNo = invtNo,
            EbcCode = head.Text("ebcCode"),
            Status = 120,
            Plan = ListPlans.Choose(ctx.Options, head.Text("guid"), import),
            BuyerId = buyer,
            AmountUnits = units,
            LedgerYear = year,
            StatisticsFlag = import ? null : head.Text("statisticsFlag"),
            PlatformDxp = ctx.PlatformDxp,
            Message = CebWriter.ToBytes(list.Single),
        };
        record.Id = ctx.Unit.InsertList(record);
        if (import)
        {
            ctx.Unit.AddToLedger(buyer!, year, units);
        }
        Answer("120", "海关入库 entered", invtNo);
        ctx.Unit.Schedule(record.Id, ListStep.Examine, (ctx.Now + ctx.Options.ExamineAfter).ToUnixTimeMilliseconds());
    }

    public static Dictionary<string, string> Values(string preNo, string invtNo) => new(StringComparer.Ordinal)
    {
        ["preNo"] = preNo,
        ["invtNo"] = invtNo,
    };
}
