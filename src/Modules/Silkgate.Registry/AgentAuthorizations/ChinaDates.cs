namespace Silkgate.Registry.AgentAuthorizations;

/// <summary>Validity days are China Standard Time (UTC+8, no daylight saving); they are stored as the instants that bound them.</summary>
internal static class ChinaDates
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>00:00 CST of <paramref name="day"/> in Unix ms.</summary>
    public static long StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUnixTimeMilliseconds();

    /// <summary>The exclusive end of a validity whose last day is <paramref name="day"/>: 00:00 CST of the next day.</summary>
    public static long EndOf(DateOnly day) => StartOf(day.AddDays(1));

    public static DateOnly DayOf(long unixMs) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Offset).DateTime);

    /// <summary>The last day of a validity stored as its exclusive end.</summary>
    public static DateOnly LastDayOf(long exclusiveEndMs) => DayOf(exclusiveEndMs).AddDays(-1);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
}
