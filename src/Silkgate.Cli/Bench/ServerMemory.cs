using System.Globalization;

namespace Silkgate.Cli.Bench;

/// <summary>
/// Resident memory of the server process from <c>/proc/{pid}/status</c> (Linux): the current RSS and the peak
/// (<c>VmHWM</c>), in MiB. Read from outside, so it counts everything the process holds (managed heap, native SQLite and
/// Npgsql buffers, code) and needs no endpoint on the server.
/// </summary>
internal sealed record ServerMemory(double RssMiB, double PeakMiB)
{
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

            return new ServerMemory(rss, peak);
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
