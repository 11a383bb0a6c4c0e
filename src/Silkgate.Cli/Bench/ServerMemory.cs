using System.Globalization;

namespace Silkgate.Cli.Bench;

/// <summary>
/// The server process seen from outside through <c>/proc/{pid}</c> (Linux): current RSS and peak (<c>VmHWM</c>) in MiB,
/// and the CPU time it has used. Read from outside, so it counts everything the process holds (managed heap, native
/// SQLite and Npgsql buffers, code) and needs no endpoint on the server.
/// </summary>
internal sealed record ServerMemory(double RssMiB, double PeakMiB, double CpuSeconds)
{
    /// <summary>Clock ticks per second of <c>/proc/{pid}/stat</c> (USER_HZ; 100 on Linux).</summary>
    private const double Hz = 100;

    public static ServerMemory? Read(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            double rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kib(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kib(line) / 1024;
                }
            }

            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ServerMemory(rss, peak, ticks / Hz);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double Kib(string line) =>
        double.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
