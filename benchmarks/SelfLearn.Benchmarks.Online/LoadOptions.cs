using System.Globalization;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Online;

/// <summary>The <c>load</c> mode's options; every one has a default so <c>-- load</c> alone does the documented run.</summary>
/// <param name="Users">Concurrent live users: a closed loop, each sends its next query as soon as its answer came back.</param>
/// <param name="ArmSeconds">Measured seconds per arm, after a warm-up of a quarter of it (at least 3 s).</param>
/// <param name="Rounds">Pairs of arms, played off, on, on, off, off, on…</param>
/// <param name="Rollbacks">Times the deliberately bad version is activated under live traffic and timed to its rollback.</param>
/// <param name="Scenarios">Template scenarios the live users come from (one user each).</param>
internal sealed record LoadOptions(int Users, int ArmSeconds, int Rounds, int Rollbacks, int Scenarios, string Out)
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Online -- load";

    public const string Usage = Project + " [--users 8] [--arm-seconds 15] [--rounds 4] [--rollbacks 5] [--scenarios 4] [--out docs/benchmarks/online-load.json]";

    public TimeSpan Arm => TimeSpan.FromSeconds(ArmSeconds);

    public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Max(3, ArmSeconds / 4));

    public static LoadOptions Parse(IReadOnlyList<string> args) =>
        OptionPairs.Parse(args, new LoadOptions(8, 15, 4, 5, 4, "docs/benchmarks/online-load.json"), Usage, static (options, name, value) => name switch
        {
            "--users" => options with { Users = Number(name, value, 1) },
            "--arm-seconds" => options with { ArmSeconds = Number(name, value, 5) },
            "--rounds" => options with { Rounds = Number(name, value, 1) },
            "--rollbacks" => options with { Rollbacks = Number(name, value, 0) },
            "--scenarios" => options with { Scenarios = Number(name, value, 1) },
            "--out" => options with { Out = value },
            _ => null,
        });

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --users {Users} --arm-seconds {ArmSeconds} --rounds {Rounds} --rollbacks {Rollbacks} --scenarios {Scenarios} --out {Out}");
}
