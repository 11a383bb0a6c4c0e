namespace Silkgate.Sandbox.Tax;

/// <summary>
/// A small table of consumption-tax rates by HS heading (4 digits) or subheading (6 digits), the goods cross-border
/// buyers usually order that carry the tax. The longest matching prefix wins; everything else has none. Rates are the
/// ad-valorem rates of the consumption-tax regulations for these goods, simplified: every perfume and make-up is taken
/// as high-end cosmetics and every watch as a high-end watch. Documented in docs/modules/sandbox.md.
/// </summary>
internal static class ConsumptionTaxRates
{
    private static readonly (string Prefix, decimal Rate, string Goods)[] Table =
    [
        ("3303", 0.15m, "perfumes and toilet waters (high-end cosmetics)"),
        ("3304", 0.15m, "beauty and make-up preparations (high-end cosmetics)"),
        ("7101", 0.10m, "pearls"),
        ("7102", 0.10m, "diamonds"),
        ("7103", 0.10m, "precious and semi-precious stones"),
        ("7113", 0.10m, "jewellery of precious metal"),
        ("7114", 0.10m, "goldsmiths' and silversmiths' wares"),
        ("7116", 0.10m, "articles of pearls or precious stones"),
        ("9101", 0.20m, "watches with precious-metal cases (high-end watches)"),
        ("9102", 0.20m, "other wrist and pocket watches (high-end watches)"),
        ("2204", 0.10m, "wine of fresh grapes"),
        ("2208", 0.20m, "spirits (ad-valorem part)"),
        ("950631", 0.10m, "golf clubs"),
        ("950632", 0.10m, "golf balls"),
        ("950639", 0.10m, "other golf equipment"),
    ];

    /// <summary>The consumption-tax rate of a 10-digit HS code (0 when the goods carry none).</summary>
    public static decimal RateOf(string? hsCode)
    {
        if (string.IsNullOrEmpty(hsCode))
        {
            return 0m;
        }
        decimal rate = 0m;
        int best = 0;
        foreach (var (prefix, r, _) in Table)
        {
            if (prefix.Length > best && hsCode.StartsWith(prefix, StringComparison.Ordinal))
            {
                rate = r;
                best = prefix.Length;
            }
        }
        return rate;
    }
}
