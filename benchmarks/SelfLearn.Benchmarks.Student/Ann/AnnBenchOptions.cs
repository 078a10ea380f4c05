using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Student.Ann;

/// <summary>
/// Options of the large-memories benchmark (<c>ann</c>): index sizes and, per size, how many questions are timed; the
/// graph's links per node and the shard size default to the app's (<see cref="AnnOptions"/>).
/// </summary>
internal sealed record AnnBenchOptions(IReadOnlyList<int> Sizes, IReadOnlyList<int> Timed, string Out, int Connectivity, int ShardSize)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student -- ann";

    public const string Usage = Project + " [--sizes 10000,100000] [--timed 998,200] [--connectivity 48] [--shard-size 100000] [--out docs/benchmarks/student-ann.json]";

    public static AnnBenchOptions Parse(IReadOnlyList<string> args)
    {
        var app = new AnnOptions();
        var options = OptionPairs.Parse(args, new AnnBenchOptions([10_000, 100_000], [998, 200], "docs/benchmarks/student-ann.json", app.Connectivity, app.ShardSize), Usage,
            static (options, name, value) => name switch
            {
                "--sizes" => options with { Sizes = Numbers(name, value, 1_000) },
                "--timed" => options with { Timed = Numbers(name, value, 10) },
                "--out" => options with { Out = value },
                "--connectivity" => options with { Connectivity = Number(name, value, 4) },
                "--shard-size" => options with { ShardSize = Number(name, value, 1_000) },
                _ => null,
            });
        return options.Sizes.Count == options.Timed.Count
            ? options
            : throw new ArgumentException($"--sizes and --timed need as many numbers each. Usage: {Usage}");
    }

    public string CommandLine() =>
        $"{Project} --sizes {string.Join(',', Sizes)} --timed {string.Join(',', Timed)} --connectivity {Connectivity} --shard-size {ShardSize} --out {Out}";
}
