using System.Globalization;

namespace SelfLearn.Benchmarks.Online;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
/// <param name="Rows">Runs stored before measuring: four in five live (folded as they are seeded), the rest offline experiment runs.</param>
/// <param name="Repeats">Timed inserts per batch size and mode (fold on, fold off).</param>
internal sealed record Options(int Rows, int Repeats, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Online --";

    public const string Usage = Project + " [--rows 1000000] [--repeats 200] [--out docs/benchmarks/online.json]";

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options(1_000_000, 200, "docs/benchmarks/online.json");
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
                throw new ArgumentException($"{name} needs a value. Usage: {Usage}");
            var value = args[i + 1];
            options = name switch
            {
                "--rows" => options with { Rows = Number(name, value, 1000) },
                "--repeats" => options with { Repeats = Number(name, value, 20) },
                "--out" => options with { Out = value },
                _ => throw new ArgumentException($"unknown option {name}. Usage: {Usage}"),
            };
        }
        return options;
    }

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture, $"{Project} --rows {Rows} --repeats {Repeats} --out {Out}");

    private static int Number(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{name} must be a whole number >= {minimum}, got '{value}'.");
}
