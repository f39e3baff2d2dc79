using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/TrayPop.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
