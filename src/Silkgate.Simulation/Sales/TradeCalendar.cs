using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Sales;

/// <summary>
/// Volume over time. Assumptions (documented in docs/modules/simulation.md): a mild weekly cycle; a month profile
/// with a Spring Festival dip and a fourth-quarter rise; festival peaks 618 (June 18, warm-up from June 1), 双11
/// (November 11, warm-up from November 1), Black Friday and Cyber Monday, the Christmas lead time (export orders from
/// mid-November to mid-December); compound annual growth; an evening peak within the day (Beijing time).
/// </summary>
internal sealed class TradeCalendar(DateOnly start, double annualGrowth, bool seasonality)
{
    private static readonly double[] Month = [0.95, 0.75, 0.95, 0.95, 1.0, 1.05, 0.95, 0.95, 1.0, 1.1, 1.25, 1.2];
    private static readonly double[] Weekday = [0.95, 1.05, 1.05, 1.0, 1.0, 0.95, 0.9]; // Sunday first

    /// <summary>Relative share of each hour of the day: low at night, rising through the day, peak 20:00–22:00.</summary>
    private static readonly double[] Hours =
    [
        2.0, 1.2, 0.7, 0.5, 0.4, 0.5, 0.9, 1.8, 3.0, 4.0, 4.4, 4.5, 4.2, 4.3, 4.6, 4.6, 4.5, 4.4, 4.8, 5.6, 6.8, 7.4, 6.6, 4.1,
    ];

    private static readonly WeightedChoice<int> HourChoice = new(Hours.Select((w, h) => (h, w)));

    /// <summary>Volume factor of a day relative to an ordinary weekday at the start.</summary>
    public double Factor(DateOnly day)
    {
        var growth = Math.Pow(1 + annualGrowth, (day.DayNumber - start.DayNumber) / 365.0);
        return seasonality ? growth * Seasonal(day) : growth;
    }

    public static double Seasonal(DateOnly day)
    {
        var f = Month[day.Month - 1] * Weekday[(int)day.DayOfWeek];
        return f * Festival(day);
    }

    private static double Festival(DateOnly day)
    {
        var blackFriday = BlackFriday(day.Year);
        return (day.Month, day.Day) switch
        {
            (11, 11) => 5.0,
            (11, 10) or (11, 12) => 1.8,
            (11, < 11) => 1.3,
            (6, 18) => 3.0,
            (6, 17) or (6, 19) => 1.5,
            (6, < 18) => 1.2,
            (12, 12) => 1.8,
            _ when day == blackFriday => 3.0,
            _ when day == blackFriday.AddDays(3) => 2.5,
            _ when day > blackFriday && day < blackFriday.AddDays(3) => 1.8,
            (11, >= 15) or (12, <= 15) => 1.25,
            (12, >= 24) or (1, 1) => 0.85,
            _ => 1.0,
        };
    }

    /// <summary>The fourth Friday of November.</summary>
    public static DateOnly BlackFriday(int year)
    {
        var first = new DateOnly(year, 11, 1);
        var offset = ((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 21);
    }

    /// <summary>A random instant of the day following the hourly profile.</summary>
    public static DateTime TimeOfDay(DateOnly day, Prng rng) =>
        day.ToDateTime(TimeOnly.MinValue).AddHours(HourChoice.Pick(rng)).AddSeconds(rng.Next(3600));
}
