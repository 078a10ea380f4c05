using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
internal sealed record BenchOptions(int Versions, int Writes, int Lookups, string Out)
{
    public const string Usage =
        "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks -- "
        + "[--versions 100000] [--writes 2000] [--lookups 2000] [--out docs/benchmarks/config-core.json]";

    public static BenchOptions Parse(IReadOnlyList<string> args) =>
        OptionPairs.Parse(args, new BenchOptions(100_000, 2_000, 2_000, "docs/benchmarks/config-core.json"), Usage, static (options, name, value) => name switch
        {
            "--versions" => options with { Versions = Number(name, value, 2) },
            "--writes" => options with { Writes = Number(name, value, 8) },
            "--lookups" => options with { Lookups = Number(name, value, 20) },
            "--out" => options with { Out = value },
            _ => null,
        });

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks -- --versions {Versions} --writes {Writes} --lookups {Lookups} --out {Out}");
}
