using BenchmarkDotNet.Running;
using Silkgate.Ceb.Benchmarks;

if (args is ["--cputime", ..])
{
    CpuTimeRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(CebBenchmarks).Assembly).Run(args);
