using System.Diagnostics;
using BenchmarkDotNet.Running;
using Silkgate.Ceb.Signing.Benchmarks;

if (args is ["--throughput", ..])
{
    // A plain loop that also reports operations per CPU-second: on a shared, busy machine wall-clock figures
    // mostly measure the neighbours.
    var benchmarks = new SigningBenchmarks();
    benchmarks.Setup();
    var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    foreach (var (name, operation) in new (string, Action)[]
    {
        ("SM2-SM3 sign", () => benchmarks.Sm2Sm3_Sign()),
        ("SM2-SM3 verify", () => benchmarks.Sm2Sm3_Verify()),
        ("RSA-SHA1 sign", () => benchmarks.RsaSha1_Sign()),
        ("RSA-SHA1 verify", () => benchmarks.RsaSha1_Verify()),
    })
    {
        for (var i = 0; i < 200; i++)
        {
            operation();
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            operation();
            count++;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"{name,-16} {count / clock.Elapsed.TotalSeconds,8:F0} ops/s wall   {count / cpu,8:F0} ops/CPU-s   ({count} ops)");
    }

    benchmarks.Cleanup();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
