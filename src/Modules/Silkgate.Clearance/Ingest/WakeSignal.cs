namespace Silkgate.Clearance.Ingest;

/// <summary>
/// Wakes one background loop early: many notifications before it wakes count as one, and the loop still polls on its
/// timeout, so a lost notification only delays.
/// </summary>
internal abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    /// <summary>Blocks the calling thread: for loops that run on a thread of their own.</summary>
    public bool Wait(TimeSpan timeout, CancellationToken ct) => _signal.Wait(timeout, ct);

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }
}
