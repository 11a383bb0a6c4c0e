using System.Globalization;
using System.Runtime.InteropServices;

namespace Silkgate.Ceb.Benchmarks;

/// <summary>The same three benchmarks timed by the thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID) instead of the wall
/// clock, in interleaved rounds: on a machine shared with other work, time spent descheduled does not count, and bare and
/// read + validation are compared round by round (the median of those paired ratios is the robust figure; in a VM the
/// host's own contention still shows in the absolute times). A complement to BenchmarkDotNet, not a replacement.</summary>
internal static partial class CpuTimeRun
{
    private const int OpsPerRound = 1000;

    public static void Run(int rounds)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("--cputime needs Linux (CLOCK_THREAD_CPUTIME_ID)");
            return;
        }
        Console.WriteLine($"thread CPU time, {rounds} interleaved rounds of {OpsPerRound} operations; median (min) per operation");
        Console.WriteLine("| message | bare XmlReader pass | read + full validation | ratio bare/validate | validations/s | write | allocated bare / validate / write |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var type in new[] { 311, 603 })
        {
            var b = new CebBenchmarks { Type = type };
            b.Setup();
            Func<object>[] ops = [() => b.BareXmlReader(), () => b.ReadAndValidate(), () => b.Write()];
            var times = new double[ops.Length][];
            var alloc = new long[ops.Length];
            for (int k = 0; k < ops.Length; k++)
            {
                times[k] = new double[rounds];
                for (int i = 0; i < 20_000; i++) { ops[k](); } // warm up to tier 1
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < OpsPerRound; i++) { ops[k](); }
                alloc[k] = (GC.GetAllocatedBytesForCurrentThread() - a0) / OpsPerRound;
            }
            var ratios = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                // Alternate the order (ABC, CBA, ...) so a slow spell of the host does not always hit the same benchmark.
                for (int j = 0; j < ops.Length; j++)
                {
                    int k = r % 2 == 0 ? j : ops.Length - 1 - j;
                    long t0 = ThreadCpuNs();
                    for (int i = 0; i < OpsPerRound; i++) { ops[k](); }
                    times[k][r] = (ThreadCpuNs() - t0) / 1000.0 / OpsPerRound;
                }
                ratios[r] = times[0][r] / times[1][r];
            }
            string T(int k) => string.Create(CultureInfo.InvariantCulture, $"{Median(times[k]):F2} µs ({times[k].Min():F2})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {type} | {T(0)} | {T(1)} | {Median(ratios):F2} ({ratios.Min():F2}–{ratios.Max():F2}) | {1e6 / Median(times[1]):N0} | {T(2)} | {alloc[0]:N0} / {alloc[1]:N0} / {alloc[2]:N0} B |"));
        }
    }

    private static double Median(double[] values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    private static long ThreadCpuNs()
    {
        const int ClockThreadCpuTimeId = 3;
        _ = ClockGetTime(ClockThreadCpuTimeId, out var t);
        return (t.Seconds * 1_000_000_000) + t.Nanoseconds;
    }
}
