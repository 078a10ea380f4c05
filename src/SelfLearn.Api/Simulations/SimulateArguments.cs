using System.Globalization;
using SelfLearn.Api.Commands;

namespace SelfLearn.Api.Simulations;

/// <summary>
/// simulate [--scenarios FILE] [--experiment ID] [--variants a,b] [--seed N] [--concurrency N] [--dry-run] [--out FILE]
/// [--deployment ID] [--set variant:key=value …] [--count N] [--repeat SIMULATION_ID] [--keep-memories] [--cycle-type offline];
/// live users (<c>--cycle-type online</c>) read <see cref="LiveArguments"/>.
/// </summary>
public sealed record SimulateArguments(
    string? ScenariosFile,
    string? ExperimentId,
    IReadOnlyList<string> Variants,
    int Seed,
    int Concurrency,
    bool DryRun,
    string? OutFile,
    string DeploymentId,
    IReadOnlyList<(string Variant, string Assignment)> Sets,
    int Count,
    string? RepeatOf,
    bool KeepMemories)
{
    public const int DefaultSeed = 42;
    public const string DefaultDeployment = "sim";
    private static readonly string[] Known =
        ["scenarios", "experiment", "variants", "seed", "concurrency", "dry-run", "out", "deployment", "set", "count", "repeat", "keep-memories", "cycle-type"];
    private static readonly string[] ChoosingScenarios = ["scenarios", "seed", "count"];

    public static SimulateArguments Read(CommandArguments args)
    {
        if (args.Unknown(Known).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"unknown flag --{unknown}. Flags: {string.Join(", ", Known.Select(k => "--" + k))}.");
        var repeat = args.Value("repeat");
        if (repeat is not null && (args.Value("scenarios") ?? args.Value("experiment") ?? args.Value("seed") ?? args.Value("variants")) is not null)
            throw new ArgumentException("--repeat replays a recorded simulation: it takes its dataset, experiment, variants and seed from the record.");
        if (args.Value("experiment") is not null && args.Values("set").Count > 0)
            throw new ArgumentException("--set builds variants for a new experiment; an existing --experiment already binds its variants.");
        if (args.Value("experiment") is not null && ChoosingScenarios.FirstOrDefault(flag => args.Value(flag) is not null) is { } chooser)
            throw new ArgumentException($"--{chooser} chooses the scenarios of a new experiment; --experiment plays the dataset version its design names.");

        var variants = args.List("variants");
        if (variants.Count is 1)
            throw new ArgumentException("--variants names at least two variants (a paired run compares them).");
        return new SimulateArguments(
            args.Value("scenarios") is { } file ? UserPaths.ExistingFile(file) : null,
            args.Value("experiment"),
            variants,
            Number(args, "seed", DefaultSeed, int.MinValue),
            Number(args, "concurrency", Math.Max(2, Environment.ProcessorCount * 2), 1),
            args.Present("dry-run"),
            args.Value("out") is { } output ? UserPaths.Resolve(output) : null,
            args.Value("deployment") ?? DefaultDeployment,
            [.. args.Values("set").Select(VariantAssignment)],
            Number(args, "count", 36, 1),
            repeat,
            args.Present("keep-memories"));
    }

    private static (string, string) VariantAssignment(string raw)
    {
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && raw.IndexOf('=', colon) > colon
            ? (raw[..colon].Trim(), raw[(colon + 1)..].Trim())
            : throw new ArgumentException($"--set takes variant:key=value (e.g. b:retrieval.top_k=3), got '{raw}'.");
    }

    internal static int Number(CommandArguments args, string flag, int fallback, int min)
    {
        if (args.Value(flag) is not { } raw)
            return fallback;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"--{flag} takes a whole number{(min > int.MinValue ? $" of at least {min}" : "")}, got '{raw}'.");
    }
}
