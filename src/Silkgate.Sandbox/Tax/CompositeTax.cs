namespace Silkgate.Sandbox.Tax;

/// <summary>One goods line's dutiable value and the tax on it.</summary>
internal sealed record TaxLine(int Gnum, string Gcode, decimal TaxPrice, decimal CustomsTax, decimal ValueAddedTax, decimal ConsumptionTax);

/// <summary>
/// Retail import tax within the limits (财关税〔2018〕49号): duty 0, consumption tax and VAT at 70 % of the statutory
/// amounts. With value V, consumption rate c and VAT rate v: consumption tax = V ÷ (1 − c) × c × 70 %; VAT =
/// (V + statutory consumption tax) × v × 70 % = V ÷ (1 − c) × v × 70 %, so that the two add up to the composite rate
/// (c + v) ÷ (1 − c) × 70 %. Each tax is rounded to the fen per line (half away from zero).
/// </summary>
internal static class CompositeTax
{
    public const decimal Reduction = 0.7m;

    public static TaxLine Compute(int gnum, string gcode, decimal value, decimal vatRate)
    {
        var c = ConsumptionTaxRates.RateOf(gcode);
        var statutoryBase = value / (1m - c);
        var consumption = Fen(statutoryBase * c * Reduction);
        var vat = Fen(statutoryBase * vatRate * Reduction);
        return new TaxLine(gnum, gcode, value, 0m, vat, consumption);
    }

    /// <summary>The lines of a list: freight and insurance are spread over the lines by their totals (the last line takes the remainder).</summary>
    public static IReadOnlyList<TaxLine> ComputeList(IReadOnlyList<(int Gnum, string Gcode, decimal TotalPrice)> lines, decimal freightAndInsurance, decimal vatRate)
    {
        var goods = lines.Sum(l => l.TotalPrice);
        var result = new List<TaxLine>(lines.Count);
        decimal spread = 0m;
        for (int i = 0; i < lines.Count; i++)
        {
            var share = i == lines.Count - 1 ? freightAndInsurance - spread
                : goods == 0m ? 0m
                : Fen(freightAndInsurance * lines[i].TotalPrice / goods);
            spread += share;
            result.Add(Compute(lines[i].Gnum, lines[i].Gcode, lines[i].TotalPrice + share, vatRate));
        }
        return result;
    }

    private static decimal Fen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
