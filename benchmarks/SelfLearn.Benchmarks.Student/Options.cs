using System.Globalization;

namespace SelfLearn.Benchmarks.Student;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
internal sealed record Options(int Memories, int Queries, int Runs, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student --";

    public const string Usage = Project + " [--memories 10000] [--queries 1000] [--runs 20000] [--out docs/benchmarks/student.json]";

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options(10_000, 1_000, 20_000, "docs/benchmarks/student.json");
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
                throw new ArgumentException($"{name} needs a value. Usage: {Usage}");
            var value = args[i + 1];
            options = name switch
            {
                "--memories" => options with { Memories = Number(name, value, 10) },
                "--queries" => options with { Queries = Number(name, value, 10) },
                "--runs" => options with { Runs = Number(name, value, 1) },
                "--out" => options with { Out = value },
                _ => throw new ArgumentException($"unknown option {name}. Usage: {Usage}"),
            };
        }
        return options;
    }

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --memories {Memories} --queries {Queries} --runs {Runs} --out {Out}");

    private static int Number(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{name} must be a whole number >= {minimum}, got '{value}'.");
}
