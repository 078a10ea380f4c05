using System.Globalization;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Agents.Maas;
using SelfLearn.Api.Commands;

namespace SelfLearn.Api.Simulations;

/// <summary>
/// simulate --cycle-type online [--rate N] [--duration 60s] [--deployment ID] [--scenarios FILE | --seed N --count N]
/// [--concurrency N] [--feedback SHARE] [--keep-memories] [--out FILE] [--degrade]
/// </summary>
public sealed record LiveArguments(
    string? ScenariosFile,
    int Seed,
    int Count,
    string DeploymentId,
    LiveLoad Load,
    bool KeepMemories,
    string? OutFile,
    bool Degrade)
{
    public const string DefaultDeployment = "default";
    public const double MaxRate = 1_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    private static readonly string[] Known =
        ["cycle-type", "rate", "duration", "deployment", "scenarios", "seed", "count", "concurrency", "feedback", "keep-memories", "out", "degrade"];

    /// <summary>Whether the flags ask for live users; any other cycle type than offline or online is refused.</summary>
    public static bool Requested(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Value("cycle-type") switch
        {
            null or CycleTypes.Offline => false,
            CycleTypes.Online => true,
            var other => throw new ArgumentException($"--cycle-type is offline (an experiment's paired run, the default) or online (live users), got '{other}'."),
        };
    }

    public static LiveArguments Read(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Unknown(Known).FirstOrDefault() is { } unknown)
            throw new ArgumentException(unknown is "experiment" or "variants" or "set" or "repeat" or "dry-run"
                ? $"--{unknown} belongs to an offline simulation; live users name no experiment (a running online experiment splits them, docs/MAAS_CONTRACT.md)."
                : $"unknown flag --{unknown}. Flags with --cycle-type online: {string.Join(", ", Known.Select(k => "--" + k))}.");
        if (args.Value("scenarios") is not null && (args.Value("seed") ?? args.Value("count")) is not null)
            throw new ArgumentException("--seed and --count choose library scenarios; --scenarios plays a file.");
        return new LiveArguments(
            args.Value("scenarios") is { } file ? UserPaths.ExistingFile(file) : null,
            Whole(args, "seed", SimulateArguments.DefaultSeed, int.MinValue),
            Whole(args, "count", 12, 1),
            args.Value("deployment") ?? DefaultDeployment,
            new LiveLoad(Rate(args), Duration(args), Whole(args, "concurrency", 8, 1), Share(args)),
            args.Present("keep-memories"),
            args.Value("out") is { } output ? UserPaths.Resolve(output) : null,
            args.Present("degrade"));
    }

    private static double Rate(CommandArguments args)
    {
        var raw = args.Value("rate") ?? "2";
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= MaxRate
            ? rate
            : throw new ArgumentException($"--rate is queries per second, above 0 and at most {MaxRate:N0}, got '{raw}'.");
    }

    /// <summary>Seconds, or a number with s, m or h: 90, 90s, 2m, 1h.</summary>
    private static TimeSpan Duration(CommandArguments args)
    {
        var raw = args.Value("duration") ?? "60s";
        var (number, unit) = raw.Length > 0 && char.IsLetter(raw[^1]) ? (raw[..^1], raw[^1]) : (raw, 's');
        var seconds = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        return seconds > 0 && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            && value * seconds <= MaxDuration.TotalSeconds
            ? TimeSpan.FromSeconds(value * seconds)
            : throw new ArgumentException($"--duration is how long the users keep asking (90, 90s, 2m or 1h), above 0 and at most 24h, got '{raw}'.");
    }

    private static double Share(CommandArguments args)
    {
        var raw = args.Value("feedback") ?? "0";
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new ArgumentException($"--feedback is the share of answers the users rate, 0 to 1, got '{raw}'.");
    }

    private static int Whole(CommandArguments args, string flag, int fallback, int min) => SimulateArguments.Number(args, flag, fallback, min);
}
