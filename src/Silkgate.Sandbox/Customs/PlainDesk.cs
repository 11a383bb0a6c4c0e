using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;

namespace Silkgate.Sandbox.Customs;

/// <summary>Orders, payments, waybills and logistics documents: validated and answered with their receipt, no further state.</summary>
internal static class PlainDesk
{
    public static void Answer(CustomsContext ctx, CebMessage message, IReadOnlyList<CebProblem> problems)
    {
        var type = message.MessageType;
        // Sales documents are entered (120); logistics documents, tallies and deliveries are examined at once (399).
        var (status, info) = type.Code switch
        {
            303 or 403 or 505 or 311 or 411 or 511 => ("120", "海关入库 entered"),
            _ => ("399", "海关审结 examined"),
        };
        if (problems.Count > 0)
        {
            (status, info) = (type.ValidationErrorCode, $"参数校验不通过，[{ListShapes.Describe(problems)}]");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["preNo"] = ctx.NewPreNo() };
        ctx.Emit(CebReceipts.CreateReceipt(message, ctx.Result(status, info, values)), $"{status} {type.EnglishName}");
    }
}
