using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Teacher;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
/// <param name="Rows">Telemetry rows seeded for the aggregate benchmark, half per variant.</param>
/// <param name="Calibration">The folder of judge calibration sets; every *.json file in it is judged.</param>
/// <param name="Comparisons">A/A comparisons resampled from the library pass.</param>
internal sealed record Options(int Rows, int Repeats, int Comparisons, int Seed, int Count, string Calibration, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Teacher --";

    public const string Usage = Project
        + " [--rows 1000000] [--repeats 5] [--comparisons 200] [--seed 42] [--count 36] [--calibration data/judge-calibration] [--out docs/benchmarks/teacher.json]";

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = OptionPairs.Parse(args, new Options(1_000_000, 5, 200, 42, 36, "data/judge-calibration", "docs/benchmarks/teacher.json"), Usage, static (options, name, value) => name switch
        {
            "--rows" => options with { Rows = Number(name, value, 1000) },
            "--repeats" => options with { Repeats = Number(name, value, 1) },
            "--comparisons" => options with { Comparisons = Number(name, value, 10) },
            "--seed" => options with { Seed = Number(name, value, 0) },
            "--count" => options with { Count = Number(name, value, 1) },
            "--calibration" => options with { Calibration = value },
            "--out" => options with { Out = value },
            _ => null,
        });
        if (!Directory.Exists(options.Calibration) || Directory.GetFiles(options.Calibration, "*.json").Length == 0)
            throw new ArgumentException($"no calibration sets (*.json) in {options.Calibration}; run from the repository root or pass --calibration FOLDER.");
        return options;
    }

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --rows {Rows} --repeats {Repeats} --comparisons {Comparisons} --seed {Seed} --count {Count} --calibration {Calibration} --out {Out}");
}
