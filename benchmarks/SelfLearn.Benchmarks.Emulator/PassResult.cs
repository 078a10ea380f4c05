using SelfLearn.Agents.Emulator.Running;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// One pass over a scenario set: every scenario for every variant, timed from the first request until telemetry is in
/// its tables. A dialog is one thread for one variant: a session (one ingest) or a question with its follow-ups.
/// </summary>
internal sealed record PassResult(
    string Maas,
    string Embeddings,
    int Number,
    string SimulationId,
    double Seconds,
    int Scenarios,
    int Dialogs,
    int Requests,
    int Questions,
    int FollowUps,
    int Memories,
    int Abstained,
    int Failures,
    PhaseCpu Cpu,
    RequestTimes Client,
    ServerStages Server)
{
    public const string Http = "http";
    public const string InProcess = "in-process";
    public const string Cold = "cold";
    public const string Warm = "warm";

    /// <summary>CPU the app (with its clients) and PostgreSQL spent per dialog: unlike rates, barely moved by other work on the machine.</summary>
    public double CpuMsPerDialog => Stats.Round((Cpu.AppCpuSeconds + Cpu.PostgresCpuSeconds) * 1000 / Dialogs, 2);

    public Rates Rates => new(Seconds, Per(Dialogs), Per(Requests), Per(Scenarios), Per(Questions + FollowUps));

    public static PassResult From(string maas, string embeddings, int number, string simulationId, double seconds, EmulatorResult result,
        PhaseCpu cpu, RequestTimes client, ServerStages server)
    {
        var t = result.Tallies;
        return new PassResult(maas, embeddings, number, simulationId, Stats.Round(seconds, 3), t.Sum(x => x.Scenarios), t.Sum(x => x.Dialogs),
            t.Sum(x => x.Requests), t.Sum(x => x.Questions), t.Sum(x => x.FollowUps), t.Sum(x => x.Memories), t.Sum(x => x.Abstained),
            t.Sum(x => x.Failures), cpu, client, server);
    }

    private double Per(int count) => Stats.Round(count / Seconds);
}

/// <summary>Throughput of a pass; <see cref="QuestionsPerSecond"/> counts every query request (questions and follow-ups).</summary>
internal sealed record Rates(double Seconds, double DialogsPerSecond, double RequestsPerSecond, double ScenariosPerSecond, double QuestionsPerSecond)
{
    public static Rates Median(IReadOnlyList<PassResult> passes) => new(
        Middle(passes, p => p.Seconds), Middle(passes, p => p.Rates.DialogsPerSecond), Middle(passes, p => p.Rates.RequestsPerSecond),
        Middle(passes, p => p.Rates.ScenariosPerSecond), Middle(passes, p => p.Rates.QuestionsPerSecond));

    private static double Middle(IReadOnlyList<PassResult> passes, Func<PassResult, double> value)
    {
        var sorted = passes.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : Stats.Round((sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2, 3);
    }
}
