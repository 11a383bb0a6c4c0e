using Silkgate.Ceb;
using Silkgate.Sandbox.State;
using Export = Silkgate.Ceb.Export;

namespace Silkgate.Sandbox.Customs;

/// <summary>Groups the lines of summarised lists into declarations by the configured key and numbers their items.</summary>
internal static class SummaryGrouping
{
    private sealed record Line(ListRecord List, ListShape Shape, CebEntity Item, decimal WeightShare);

    public static IReadOnlyList<Export.SummaryResult> Results(CustomsContext ctx, Export.SummaryApplyHead apply, string sumNo, IReadOnlyList<ListRecord> lists)
    {
        var keyFields = ctx.Options.SummaryKey
            .Where(f => f != "ownerCode" || apply.SummaryFlag == "2")
            .Where(f => f != "itemName" || apply.ItemNameFlag == "1")
            .ToArray();
        var lines = new List<Line>();
        foreach (var list in lists)
        {
            var shape = ListShapes.Stored(list.Message);
            var total = shape.Lines.Sum(l => l.Decimal("totalPrice"));
            foreach (var item in shape.Lines)
            {
                // A list's weight is spread over its lines by value: a list may feed several declarations.
                var share = total == 0m ? 1m / shape.Lines.Count : item.Decimal("totalPrice") / total;
                lines.Add(new Line(list, shape, item, share));
            }
        }
        var results = new List<Export.SummaryResult>();
        var year = ctx.ChinaNow.Year;
        foreach (var group in lines.GroupBy(l => Key(l, keyFields), StringComparer.Ordinal))
        {
            results.Add(Declaration(ctx, apply, sumNo, year, group.ToList()));
        }
        return results;
    }

    private static Export.SummaryResult Declaration(CustomsContext ctx, Export.SummaryApplyHead apply, string sumNo, int year, List<Line> lines)
    {
        var district = ctx.Options.CustomsDistrict;
        var itemNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Export.SummaryResult
        {
            SummaryResultHead = new Export.SummaryResultHead
            {
                Guid = CebMessage.NewGuid(),
                CustomsCode = apply.CustomsCode,
                SumNo = sumNo,
                OpDate = SummaryDesk.Time17(ctx),
                DeclSeqNo = CustomsNumbers.DeclSeqNo(ctx.ChinaNow, ctx.NextSerial("declSeqNo")),
                EntryId = CustomsNumbers.EntryId(district, year, ctx.NextSerial($"entryId:{district}{year}")),
                // decState values are customs' own; the sandbox reports "10" for a declaration generated and accepted.
                DecState = "10",
                AgentCode = apply.AgentCode,
                AgentName = apply.AgentName,
                EbcCode = apply.EbcCode,
                EbcName = apply.EbcName,
                DeclAgentCode = apply.DeclAgentCode,
                DeclAgentName = apply.DeclAgentName,
                GrossWeight = Math.Round(lines.Sum(l => l.Shape.Head.Decimal("grossWeight") * l.WeightShare), 5),
                NetWeight = Math.Round(lines.Sum(l => l.Shape.Head.Decimal("netWeight") * l.WeightShare), 5),
                MsgCount = 1,
                MsgSeqNo = 1,
            },
        };
        foreach (var line in lines)
        {
            var itemKey = string.Join('|', line.Item.Text("gcode"), line.Item.Text("currency"), line.Item.Text("unit"),
                apply.ItemNameFlag == "1" ? line.Item.Text("itemName") : string.Empty);
            if (!itemNumbers.TryGetValue(itemKey, out var gseqno))
            {
                itemNumbers[itemKey] = gseqno = itemNumbers.Count + 1;
            }
            result.SummaryResultList.Add(new Export.SummaryResultList
            {
                InvtNo = line.List.InvtNo,
                LogisticsNo = line.Shape.Head.Text("logisticsNo"),
                Gseqno = gseqno,
                Gnum = line.Item.Int("gnum"),
                Gcode = line.Item.Text("gcode"),
            });
        }
        return result;
    }

    private static string Key(Line line, string[] fields) =>
        string.Join('|', fields.Select(f => line.Item.GetFieldText(f) ?? line.Shape.Head.GetFieldText(f) ?? string.Empty));
}
