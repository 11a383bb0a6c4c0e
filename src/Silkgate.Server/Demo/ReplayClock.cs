namespace Silkgate.Server.Demo;

/// <summary>
/// The clock of the seeding host: the gateway receives each demo message at the moment its sender sent it (the
/// generator's send time, in the past), so that receipts, sale timestamps, waiting times and the buyers' calendar years
/// follow the trade's own history. A pin is local to the async flow that set it (one message's submission); everything
/// else (the batch writer, the outbox) sees the latest pinned instant, or the real time when nothing is pinned.
/// </summary>
internal sealed class ReplayClock(TimeProvider real) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _pinned = new();
    private long _latestTicks;

    public override DateTimeOffset GetUtcNow()
    {
        if (_pinned.Value is { } pinned)
        {
            return pinned;
        }

        var latest = Interlocked.Read(ref _latestTicks);
        return latest == 0 ? real.GetUtcNow() : new DateTimeOffset(latest, TimeSpan.Zero);
    }

    /// <summary>From now on, in the calling async flow, the time is <paramref name="at"/>; never later than the real time.</summary>
    public void Pin(DateTimeOffset at)
    {
        var now = real.GetUtcNow();
        var utc = (at > now ? now : at).ToUniversalTime();
        _pinned.Value = utc;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _latestTicks);
            if (seen >= utc.UtcTicks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _latestTicks, utc.UtcTicks, seen) != seen);
    }

    /// <summary>Back to the real time for everybody (the flow that pinned keeps its pin until it ends).</summary>
    public void Release()
    {
        _pinned.Value = null;
        Interlocked.Exchange(ref _latestTicks, 0);
    }
}
