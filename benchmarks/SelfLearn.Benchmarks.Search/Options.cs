using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Search;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
/// <param name="Evaluations">Warm offline evaluations timed after one untimed warm-up.</param>
/// <param name="Parallelism">Threads of an offline evaluation and questions in flight over HTTP, as <c>eval-retrieval --parallelism</c>.</param>
internal sealed record Options(string Dataset, int Evaluations, int Parallelism, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Search --";

    public const string Usage = Project + " [--dataset data/locomo/locomo-dev.json] [--evaluations 20] [--parallelism 4] [--out docs/benchmarks/search.json]";

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = OptionPairs.Parse(args, new Options("data/locomo/locomo-dev.json", 20, 4, "docs/benchmarks/search.json"), Usage, static (options, name, value) => name switch
        {
            "--dataset" => options with { Dataset = value },
            "--evaluations" => options with { Evaluations = Number(name, value, 1) },
            "--parallelism" => options with { Parallelism = Number(name, value, 1) },
            "--out" => options with { Out = value },
            _ => null,
        });
        if (!File.Exists(options.Dataset))
            throw new ArgumentException($"no dataset {options.Dataset}; run from the repository root or pass --dataset FILE.");
        return options;
    }

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --dataset {Dataset} --evaluations {Evaluations} --parallelism {Parallelism} --out {Out}");
}
