using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Silkgate.Ceb.Benchmarks.CebBenchmarks).Assembly).Run(args);
