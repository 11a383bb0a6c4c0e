using System.Globalization;

namespace Silkgate.Kernel.Values;

/// <summary>
/// An exact decimal with five places, the precision of every CEB amount and quantity (decimal 19,5). Stored as a
/// 64-bit count of 1/100000 units so that sums and comparisons are exact on SQLite and PostgreSQL alike (ADR 0003).
/// The range, ±92 trillion, is far beyond any amount or quantity in a declaration.
/// </summary>
public readonly record struct Amount(long Units) : IComparable<Amount>
{
    public const int Scale = 5;
    private const long Factor = 100_000;

    public static readonly Amount Zero = new(0);

    /// <summary>Exact conversion; fails when the value has more than five decimal places or does not fit.</summary>
    public static bool TryFromDecimal(decimal value, out Amount amount)
    {
        amount = default;
        decimal scaled;
        try
        {
            scaled = value * Factor;
        }
        catch (OverflowException)
        {
            return false;
        }

        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        amount = new Amount((long)scaled);
        return true;
    }

    public static Amount FromDecimal(decimal value) => TryFromDecimal(value, out var amount)
        ? amount
        : throw new ArgumentOutOfRangeException(nameof(value), value, "Amounts have at most five decimal places.");

    public decimal ToDecimal() => Units / (decimal)Factor;

    public static Amount operator +(Amount a, Amount b) => new(checked(a.Units + b.Units));

    public static Amount operator -(Amount a, Amount b) => new(checked(a.Units - b.Units));

    public static bool operator <(Amount a, Amount b) => a.Units < b.Units;

    public static bool operator >(Amount a, Amount b) => a.Units > b.Units;

    public static bool operator <=(Amount a, Amount b) => a.Units <= b.Units;

    public static bool operator >=(Amount a, Amount b) => a.Units >= b.Units;

    public Amount Add(Amount other) => this + other;

    public Amount Subtract(Amount other) => this - other;

    public int CompareTo(Amount other) => Units.CompareTo(other.Units);

    /// <summary>Invariant text without exponent or trailing zeros, as customs expects (e.g. <c>12.5</c>).</summary>
    public override string ToString() => ToDecimal().ToString("0.#####", CultureInfo.InvariantCulture);
}
