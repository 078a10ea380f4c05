using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>Command-line options; every one has a default so a bare <c>dotnet run</c> does the full-size run.</summary>
/// <param name="Locomo">The LoCoMo file, or null to play the library only (<c>--locomo none</c>).</param>
internal sealed record Options(int Seed, int Count, int Concurrency, int Passes, string? Locomo, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Emulator --";

    public const string Usage = Project
        + " [--seed 42] [--count 36] [--concurrency 8] [--passes 3] [--locomo data/locomo/locomo-dev.json|none] [--out docs/benchmarks/emulator.json]";

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = OptionPairs.Parse(args, new Options(42, 36, 8, 3, DefaultLocomo(), "docs/benchmarks/emulator.json"), Usage, static (options, name, value) => name switch
        {
            "--seed" => options with
            {
                Seed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                    ? seed
                    : throw new ArgumentException($"--seed must be a whole number, got '{value}'."),
            },
            "--count" => options with { Count = Number(name, value, 1) },
            "--concurrency" => options with { Concurrency = Number(name, value, 1) },
            "--passes" => options with { Passes = Number(name, value, 1) },
            "--locomo" => options with { Locomo = value == "none" ? null : Path.GetFullPath(value) },
            "--out" => options with { Out = value },
            _ => null,
        });
        if (options.Locomo is { } locomo && !File.Exists(locomo))
            throw new ArgumentException($"no LoCoMo file at {locomo}; pass --locomo FILE, or --locomo none to play the library only.");
        return options;
    }

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --seed {Seed} --count {Count} --concurrency {Concurrency} --passes {Passes} --locomo {Locomo ?? "none"} --out {Out}");

    /// <summary>The dev split the repository keeps under data/locomo.</summary>
    private static string? DefaultLocomo()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SelfLearn.sln")))
                return Path.GetFullPath(Path.Combine(folder.FullName, "data", "locomo", "locomo-dev.json"));
        }
        return null;
    }
}
