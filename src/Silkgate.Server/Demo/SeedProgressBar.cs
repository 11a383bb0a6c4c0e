using System.Diagnostics;
using System.Globalization;

namespace Silkgate.Server.Demo;

/// <summary>
/// Progress of the messages sent: on a terminal one line redrawn in place (bar, sent / total, rate, ETA) at most ten
/// times a second; otherwise (a log file, a pipe, a test) a plain line every tenth of the way.
/// </summary>
internal sealed class SeedProgressBar
{
    private const int Width = 30;
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly Stopwatch _watch = new();
    private readonly Lock _gate = new();
    private int _total;
    private int _done;
    private long _lastDrawMs = -1000;
    private int _lastTenth = -1;

    public SeedProgressBar(TextWriter output, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _interactive = interactive;
    }

    /// <summary>Interactive when writing to the console and the console is not redirected.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public TimeSpan Elapsed => _watch.Elapsed;

    public void Start(int total)
    {
        _total = total;
        _done = 0;
        _watch.Restart();
        Draw(force: true);
    }

    public void Advance()
    {
        Interlocked.Increment(ref _done);
        Draw(force: false);
    }

    public void Finish()
    {
        _watch.Stop();
        Draw(force: true);
        if (_interactive)
        {
            lock (_gate)
            {
                _output.WriteLine();
            }
        }
    }

    private void Draw(bool force)
    {
        var done = Volatile.Read(ref _done);
        var ms = _watch.ElapsedMilliseconds;
        lock (_gate)
        {
            if (_interactive)
            {
                if (!force && ms - _lastDrawMs < 100)
                {
                    return;
                }

                _lastDrawMs = ms;
                _output.Write("\r" + Line(done, ms));
                _output.Flush();
                return;
            }

            var tenth = _total == 0 ? 10 : (int)(10L * done / _total);
            if (force ? tenth == _lastTenth && done != 0 : tenth <= _lastTenth)
            {
                return;
            }

            _lastTenth = tenth;
            _output.WriteLine(Line(done, ms));
        }
    }

    private string Line(int done, long ms)
    {
        var share = _total == 0 ? 1.0 : (double)done / _total;
        var filled = (int)Math.Round(share * Width);
        var rate = ms > 0 ? done * 1000.0 / ms : 0;
        var eta = rate > 0 && done < _total ? TimeSpan.FromSeconds((_total - done) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', Width - filled)}] {done,7:N0} / {_total:N0} messages  {rate,6:N0}/s  ETA {eta:m\\:ss}  ");
    }
}
