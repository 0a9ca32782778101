using BenchmarkDotNet.Running;

// dotnet run -c Release --project test/Linode.AspNetCore.Authentication.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
