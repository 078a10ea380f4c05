using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student.Embedding;

/// <summary>The bare model at one batch size, over length-sorted distinct passages.</summary>
internal sealed record CeilingResult(int BatchSize, int Texts, double WallSeconds, double TextsPerSecond, double AppCpuSeconds, double OtherCpuSeconds, double CoresBusy);

/// <summary>One cold pass: texts/s counts distinct texts over wall time; model texts counts what reached the model.</summary>
internal sealed record PassResult(string Phase, double WallSeconds, long ModelTexts, double TextsPerSecond, double AppCpuSeconds, double OtherCpuSeconds, double CoresBusy);

internal sealed record EmbedReport(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, string Cpu, int Cores,
    int Requests, int RequestedTexts, int DistinctTexts, IReadOnlyList<CeilingResult> Ceiling, IReadOnlyList<PassResult> Passes)
{
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"{Cpu}, {Cores} cores; {Requests} requests, {RequestedTexts} texts requested, {DistinctTexts} distinct"));
        foreach (var c in Ceiling)
            Console.WriteLine(Invariant($"bare model, batch {c.BatchSize,4}: {c.TextsPerSecond,7} texts/s ({c.Texts} in {c.WallSeconds} s; app {c.AppCpuSeconds} s, other {c.OtherCpuSeconds} s, cores busy {c.CoresBusy})"));
        foreach (var p in Passes)
            Console.WriteLine(Invariant($"{p.Phase}: {p.TextsPerSecond} texts/s ({p.WallSeconds} s; {p.ModelTexts} texts reached the model; app {p.AppCpuSeconds} s, other {p.OtherCpuSeconds} s, cores busy {p.CoresBusy})"));
    }
}
