namespace Silkgate.Clearance.Limits;

/// <summary>Settings of <c>Clearance:Limits</c>: the retail import limits per buyer (财关税〔2018〕49号), in yuan.</summary>
internal sealed class LimitOptions
{
    public const string Section = "Clearance:Limits";

    /// <summary>Largest dutiable value of one list (one transaction); equal passes, one fen more is refused.</summary>
    public decimal SingleTransaction { get; set; } = 5_000m;

    /// <summary>Largest sum of a buyer's declared lists in a calendar year (China time).</summary>
    public decimal Annual { get; set; } = 26_000m;

    /// <summary>
    /// (to confirm) Lets a list over the single-transaction limit through when it holds a single item (one goods line with
    /// quantity 1) and the year stays within the annual limit; such a list is taxed in full and counts towards the year.
    /// Off by default until the zone confirms the rule.
    /// </summary>
    public bool AllowSingleItemOverSingleLimit { get; set; }
}
