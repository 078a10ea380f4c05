using System.Globalization;

namespace SelfLearn.Benchmarks.Student.Ann;

/// <summary>Options of the large-memories benchmark (<c>ann</c>): index sizes and, per size, how many questions are timed.</summary>
internal sealed record AnnBenchOptions(IReadOnlyList<int> Sizes, IReadOnlyList<int> Timed, string Out, int Connectivity = 48)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student -- ann";

    public const string Usage = Project + " [--sizes 10000,100000] [--timed 998,200] [--connectivity 48] [--out docs/benchmarks/student-ann.json]";

    public static AnnBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AnnBenchOptions([10_000, 100_000], [998, 200], "docs/benchmarks/student-ann.json");
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
                throw new ArgumentException($"{name} needs a value. Usage: {Usage}");
            var value = args[i + 1];
            options = name switch
            {
                "--sizes" => options with { Sizes = Numbers(name, value, 1_000) },
                "--timed" => options with { Timed = Numbers(name, value, 10) },
                "--out" => options with { Out = value },
                "--connectivity" => options with { Connectivity = Numbers(name, value, 4)[0] },
                _ => throw new ArgumentException($"unknown option {name}. Usage: {Usage}"),
            };
        }

        return options.Sizes.Count == options.Timed.Count
            ? options
            : throw new ArgumentException($"--sizes and --timed need as many numbers each. Usage: {Usage}");
    }

    public string CommandLine() =>
        $"{Project} --sizes {string.Join(',', Sizes)} --timed {string.Join(',', Timed)} --connectivity {Connectivity} --out {Out}";

    private static int[] Numbers(string name, string value, int minimum) =>
        [.. value.Split(',').Select(part =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
                ? n
                : throw new ArgumentException($"{name} takes whole numbers >= {minimum} separated by commas, got '{value}'."))];
}
