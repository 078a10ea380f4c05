using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Online;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
/// <param name="Rows">Runs stored before measuring: four in five live (folded as they are seeded), the rest offline experiment runs.</param>
/// <param name="Repeats">Timed inserts per batch size and mode (fold on, fold off).</param>
internal sealed record Options(int Rows, int Repeats, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Online --";

    public const string Usage = Project + " [--rows 1000000] [--repeats 200] [--out docs/benchmarks/online.json]";

    public static Options Parse(IReadOnlyList<string> args) =>
        OptionPairs.Parse(args, new Options(1_000_000, 200, "docs/benchmarks/online.json"), Usage, static (options, name, value) => name switch
        {
            "--rows" => options with { Rows = Number(name, value, 1000) },
            "--repeats" => options with { Repeats = Number(name, value, 20) },
            "--out" => options with { Out = value },
            _ => null,
        });

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture, $"{Project} --rows {Rows} --repeats {Repeats} --out {Out}");
}
