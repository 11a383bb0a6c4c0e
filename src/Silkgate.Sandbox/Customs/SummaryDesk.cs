using System.Globalization;
using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;
using Silkgate.Ceb.Writing;
using Silkgate.Sandbox.State;
using Export = Silkgate.Ceb.Export;

namespace Silkgate.Sandbox.Customs;

/// <summary>
/// Summary applications (701): the consignor's released summary lists (<c>statisticsFlag</c> B) named in the application,
/// or released within its <c>startTime</c>–<c>endTime</c> window (the window wins), answered with 702 and, a little later,
/// with 792 results: one declaration per grouping key (<see cref="SummaryGrouping"/>).
/// </summary>
internal static class SummaryDesk
{
    public static void Apply(CustomsContext ctx, CebMessage message, IReadOnlyList<CebProblem> problems)
    {
        var apply = (Export.Ceb701Message)message;
        for (int i = 0; i < apply.SummaryApply.Count; i++)
        {
            var entity = apply.SummaryApply[i];
            var head = entity.SummaryApplyHead;
            var single = new Export.Ceb701Message { Guid = apply.Guid, SummaryApply = [entity], BaseTransfer = apply.BaseTransfer };
            var preNo = ctx.NewPreNo();
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["preNo"] = preNo };
            void Answer(string status, string info) =>
                ctx.Emit(CebReceipts.CreateReceipt(single, ctx.Result(status, info, values)), $"{status} summary {head.CopNo}");

            var own = ListShapes.ProblemsOf(problems, message.MessageType.EntityName, i);
            if (own.Count > 0)
            {
                Answer(message.MessageType.ValidationErrorCode, $"汇总申请单校验失败，[{ListShapes.Describe(own)}]");
                continue;
            }
            var (lists, refusal) = Select(ctx, head, entity.SummaryApplyList.Select(l => l.InvtNo ?? string.Empty).ToList());
            if (refusal is not null || lists.Count == 0)
            {
                Answer("100", refusal ?? "海关退单：没有可汇总的已放行清单 no released summary lists");
                continue;
            }
            var sumNo = CustomsNumbers.SumNo(ctx.Options.CustomsDistrict, ctx.ChinaNow.Year, ctx.NextSerial("sumNo"));
            values["sumNo"] = sumNo;
            foreach (var list in lists)
            {
                list.Summarised = true;
                ctx.Unit.UpdateList(list);
            }
            Answer("399", $"汇总申请审核通过 summary accepted: {lists.Count} lists");
            var results = SummaryGrouping.Results(ctx, head, sumNo, lists);
            foreach (var chunk in results.Chunk(100))
            {
                ctx.Emit(new Export.Ceb792Message { SummaryResult = [.. chunk] }, $"summary {sumNo}: {chunk.Length} declarations", ctx.Options.SummaryAfter);
            }
        }
    }

    private static (List<ListRecord> Lists, string? Refusal) Select(CustomsContext ctx, Export.SummaryApplyHead head, IReadOnlyList<string> invtNos)
    {
        var ebc = head.EbcCode ?? string.Empty;
        if (!string.IsNullOrEmpty(head.StartTime) && !string.IsNullOrEmpty(head.EndTime))
        {
            var from = ChinaMs(head.StartTime);
            var to = ChinaMs(head.EndTime);
            return from is null || to is null || to < from
                ? ([], "海关退单：汇总时间范围无效 startTime/endTime must be yyyyMMddHHmmss with end ≥ start")
                : (ctx.Unit.SummarisableLists(ebc, from, to).ToList(), null);
        }
        var open = ctx.Unit.SummarisableLists(ebc, null, null).ToDictionary(l => l.InvtNo, StringComparer.Ordinal);
        var chosen = new List<ListRecord>();
        foreach (var invtNo in invtNos.Distinct(StringComparer.Ordinal))
        {
            if (!open.TryGetValue(invtNo, out var list))
            {
                return ([], $"海关退单：清单[{invtNo}]不存在、未放行、非汇总申报或已汇总");
            }
            chosen.Add(list);
        }
        return (chosen, null);
    }

    private static long? ChinaMs(string time14) =>
        DateTime.TryParseExact(time14, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds()
            : null;

    internal static string Time17(CustomsContext ctx) => CebFormat.Time17(ctx.ChinaNow.DateTime);
}
