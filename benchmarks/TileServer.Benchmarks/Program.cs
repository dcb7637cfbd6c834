using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/TileServer.Benchmarks -- --filter '*'
// Results and method: docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
