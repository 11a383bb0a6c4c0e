using Silkgate.Kernel.Values;

namespace Silkgate.Sandbox.Customs;

/// <summary>The retail import limits per buyer id: one transaction and the calendar year (China time).</summary>
internal static class ImportLimits
{
    public sealed record Refused(string Code, string Info);

    public static Refused? Refusal(CustomsContext ctx, string copNo, string buyerId, decimal amount, int year)
    {
        var single = ctx.Options.SingleLimit;
        var annual = ctx.Options.AnnualLimit;
        if (amount > single)
        {
            return new Refused("-621005", $"清单[{copNo}]的购买金额[{Fields.Yuan(amount)}]超过单笔限额[{Fields.Yuan(single)}]");
        }
        var used = ctx.Unit.LedgerUsed(buyerId, year);
        if (used + Amount.FromDecimal(amount).Units > Amount.FromDecimal(annual).Units)
        {
            return new Refused("-621018",
                $"清单[{copNo}]中购买人[{buyerId}]已用购买额度为[{Fields.Yuan(used)}]，本次购买[{Fields.Yuan(amount)}]将超过年度限额[{Fields.Yuan(annual)}]");
        }
        return null;
    }
}
