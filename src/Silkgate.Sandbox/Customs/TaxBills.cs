using Silkgate.Ceb;
using Silkgate.Ceb.Writing;
using Silkgate.Sandbox.State;
using Silkgate.Sandbox.Tax;
using Import = Silkgate.Ceb.Import;

namespace Silkgate.Sandbox.Customs;

/// <summary>Electronic tax bills (816) of examined import lists and their status changes (818: 2 summarised, 3 void).</summary>
internal static class TaxBills
{
    public static void Issue(CustomsContext ctx, ListRecord list)
    {
        var shape = ListShapes.Stored(list.Message);
        var head = shape.Head;
        var lines = TaxLines(ctx, shape);
        list.TaxNo = CustomsNumbers.TaxNo(list.InvtNo, 1);
        ctx.Unit.UpdateList(list);
        var bill = new Import.Tax816
        {
            TaxHeadRd = new Import.TaxHeadRd
            {
                Guid = CebMessage.NewGuid(),
                ReturnTime = CebFormat.Time17(ctx.ChinaNow.DateTime),
                InvtNo = list.InvtNo,
                TaxNo = list.TaxNo,
                CustomsTax = lines.Sum(l => l.CustomsTax),
                ValueAddedTax = lines.Sum(l => l.ValueAddedTax),
                ConsumptionTax = lines.Sum(l => l.ConsumptionTax),
                Status = "1",
                AssureCode = Optional(head.Text("assureCode")),
                EbcCode = Optional(head.Text("ebcCode")),
                LogisticsCode = Optional(head.Text("logisticsCode")),
                AgentCode = Optional(head.Text("agentCode")),
                CustomsCode = Optional(head.Text("customsCode")),
            },
            TaxListRd = lines.Select(l => new Import.TaxListRd
            {
                Gnum = l.Gnum,
                Gcode = l.Gcode,
                TaxPrice = l.TaxPrice,
                CustomsTax = l.CustomsTax,
                ValueAddedTax = l.ValueAddedTax,
                ConsumptionTax = l.ConsumptionTax,
            }).ToList(),
        };
        var total = bill.TaxHeadRd.ValueAddedTax + bill.TaxHeadRd.ConsumptionTax;
        ctx.Emit(new Import.Ceb816Message { Tax = [bill] }, $"tax bill {list.TaxNo} {Fields.Yuan(total ?? 0m)}", toDxp: list.PlatformDxp);
    }

    public static IReadOnlyList<TaxLine> TaxLines(CustomsContext ctx, ListShape shape) =>
        CompositeTax.ComputeList(
            shape.Lines.Select(l => (l.Int("gnum"), l.Text("gcode"), l.Decimal("totalPrice"))).ToList(),
            shape.Head.Decimal("freight") + shape.Head.Decimal("insuredFee"),
            ctx.Options.VatRate);

    public static void Status(CustomsContext ctx, ListRecord list, string status, string what)
    {
        var head = ListShapes.Stored(list.Message).Head;
        var message = new Import.Ceb818Message
        {
            Tax =
            [
                new Import.Tax818
                {
                    TaxHeadStatus = new Import.TaxHeadStatus
                    {
                        Guid = CebMessage.NewGuid(),
                        ReturnTime = CebFormat.Time17(ctx.ChinaNow.DateTime),
                        InvtNo = list.InvtNo,
                        TaxNo = list.TaxNo,
                        Status = status,
                        AssureCode = Optional(head.Text("assureCode")),
                    },
                },
            ],
        };
        ctx.Emit(message, $"tax bill {list.TaxNo} {what}", toDxp: list.PlatformDxp);
    }

    private static string? Optional(string text) => text.Length == 0 ? null : text;
}
