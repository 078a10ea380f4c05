using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Online.Partitions;

/// <param name="Rows">Runs stored in the partitioned table at the end.</param>
/// <param name="Baseline">Runs at which both layouts, unpartitioned and partitioned, are measured first.</param>
internal sealed record PartitionOptions(int Rows, int Baseline, int Repeats, int Updates, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Online -- partitions";

    public const string Usage = Project + " [--rows 10000000] [--baseline 1000000] [--repeats 3] [--updates 100] [--out docs/benchmarks/telemetry-partitions.json]";

    public static PartitionOptions Parse(IReadOnlyList<string> args)
    {
        var options = OptionPairs.Parse(args, new PartitionOptions(10_000_000, 1_000_000, 3, 100, "docs/benchmarks/telemetry-partitions.json"), Usage, static (options, name, value) => name switch
        {
            "--rows" => options with { Rows = Number(name, value, 1000) },
            "--baseline" => options with { Baseline = Number(name, value, 1000) },
            "--repeats" => options with { Repeats = Number(name, value, 1) },
            "--updates" => options with { Updates = Number(name, value, 10) },
            "--out" => options with { Out = value },
            _ => null,
        });
        return options.Baseline <= options.Rows ? options : throw new ArgumentException("--baseline must not exceed --rows.");
    }

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --rows {Rows} --baseline {Baseline} --repeats {Repeats} --updates {Updates} --out {Out}");
}
