namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// Exponential back-off with jitter: the n-th consecutive failure waits between half and all of
/// min(max, base × 2^(n-1)), so that entries failed by one outage do not all come back at the same instant.
/// </summary>
internal static class Backoff
{
    public static TimeSpan Ceiling(SendingOptions options, long failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var seconds = Math.Min(options.MaxDelaySeconds, options.BaseDelaySeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }

    public static TimeSpan Delay(SendingOptions options, long failures, double random01)
    {
        var ceiling = Ceiling(options, failures);
        return TimeSpan.FromTicks((long)(ceiling.Ticks * (0.5 + (0.5 * Math.Clamp(random01, 0, 1)))));
    }
}
