using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Student;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
internal sealed record Options(int Memories, int Queries, int Runs, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student --";

    public const string Usage = Project + " [--memories 10000] [--queries 1000] [--runs 20000] [--out docs/benchmarks/student.json]";

    public static Options Parse(IReadOnlyList<string> args) =>
        OptionPairs.Parse(args, new Options(10_000, 1_000, 20_000, "docs/benchmarks/student.json"), Usage, static (options, name, value) => name switch
        {
            "--memories" => options with { Memories = Number(name, value, 10) },
            "--queries" => options with { Queries = Number(name, value, 10) },
            "--runs" => options with { Runs = Number(name, value, 1) },
            "--out" => options with { Out = value },
            _ => null,
        });

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --memories {Memories} --queries {Queries} --runs {Runs} --out {Out}");
}
