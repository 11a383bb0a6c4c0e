using Silkgate.Clearance.Declarations;
using Silkgate.Kernel.Values;

namespace Silkgate.Clearance.Limits;

/// <summary>The pure part of the import limit rules: the dutiable value of a list and the single-transaction limit.</summary>
internal static class ImportLimits
{
    private const long OneUnit = 100_000;

    /// <summary>Dutiable value = Σ line totalPrice + head freight + head insuredFee (the actual transaction price
    /// including freight and insurance).</summary>
    public static long DutiableValue(DocumentFacts list) =>
        list.Lines.Sum(l => l.TotalPrice ?? 0) + (list.Freight ?? 0) + (list.InsuredFee ?? 0);

    /// <summary>One goods line with quantity 1: the "single indivisible item" of the exception.</summary>
    public static bool HoldsASingleItem(DocumentFacts list) => list.Lines.Count == 1 && list.Lines[0].Qty == OneUnit;

    /// <summary>Null when the list is within the single-transaction limit (or excused by the single-item exception,
    /// reported through <paramref name="overSingleLimit"/>); otherwise the −621005 refusal with the amounts.</summary>
    public static Refusal? ListMustStayWithinTheSingleTransactionLimit(DocumentFacts list, LimitOptions options, out bool overSingleLimit)
    {
        var value = DutiableValue(list);
        var limit = Amount.FromDecimal(options.SingleTransaction).Units;
        overSingleLimit = value > limit;
        if (!overSingleLimit || (options.AllowSingleItemOverSingleLimit && HoldsASingleItem(list)))
        {
            return null;
        }

        var name = list.CopNo ?? list.OrderNo;
        var goods = list.Lines.Sum(l => l.TotalPrice ?? 0);
        return new Refusal(CustomsCodes.OverSingleLimit,
            $"清单[{name}]的购买金额{Yuan(value)}元（商品{Yuan(goods)}+运费{Yuan(list.Freight ?? 0)}+保费{Yuan(list.InsuredFee ?? 0)}）超过单笔限额[{Yuan(limit)}]元",
            $"list {name}: purchase amount {Yuan(value)} (goods {Yuan(goods)} + freight {Yuan(list.Freight ?? 0)} + insurance {Yuan(list.InsuredFee ?? 0)}) exceeds the single-transaction limit [{Yuan(limit)}]");
    }

    public static Refusal AnnualLimitRefusal(DocumentFacts list, long used, long value, long limit)
    {
        var name = list.CopNo ?? list.OrderNo;
        var buyer = list.Buyer?.IdNumber?.Masked;
        return new Refusal(CustomsCodes.OverAnnualLimit,
            $"清单[{name}]中购买人[{buyer}]已用购买额度为[{Yuan(used)}]元，本次购买[{Yuan(value)}]元将超过年度限额[{Yuan(limit)}]元",
            $"list {name}: buyer {buyer} has used {Yuan(used)} this year; this purchase of {Yuan(value)} would exceed the annual limit {Yuan(limit)}");
    }

    /// <summary>Yuan with two decimals at least (5000.00, 5000.01, 0.00001).</summary>
    public static string Yuan(long units)
    {
        var d = new Amount(units).ToDecimal();
        return d == decimal.Round(d, 2)
            ? d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
            : new Amount(units).ToString();
    }

    /// <summary>The calendar year, in China time (UTC+8), of an instant in Unix milliseconds.</summary>
    public static int ChinaYear(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(TimeSpan.FromHours(8)).Year;
}
