using BenchmarkDotNet.Attributes;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>
/// LinodeScopes against the obvious code (string.Split + List.Contains, which also gets coverage wrong: it does not know
/// that read_write covers read_only): parsing a granted list of 1, 5 and 17 scopes, then a coverage check; and formatting.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScopeBenchmarks
{
    private static readonly char[] Separators = [' ', ','];
    private string _granted = null!;
    private string[] _requested = null!;

    [Params(1, 5, 17)]
    public int Scopes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _requested = LinodeScopes.Families.Take(Scopes).Select(family => family + ":read_write").ToArray();
        _granted = string.Join(' ', _requested);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Parse")]
    public int Parse_Naive() => _granted.Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToList().Count;

    [Benchmark]
    [BenchmarkCategory("Parse")]
    public int Parse_LinodeScopes() => LinodeScopes.Parse(_granted).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ParseAndCover")]
    public bool ParseAndCover_Naive() => _granted.Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToList().Contains(_requested[^1]);

    [Benchmark]
    [BenchmarkCategory("ParseAndCover")]
    public bool ParseAndCover_LinodeScopes() => LinodeScopes.Parse(_granted).Covers(_requested[^1]);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Format")]
    public string Format_Naive() => string.Join(",", _requested);

    [Benchmark]
    [BenchmarkCategory("Format")]
    public string Format_LinodeScopes() => LinodeScopes.Format(_requested);
}
