using System.Diagnostics;
using SelfLearn.Benchmarks.Shared;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student.Ann;

/// <summary>The <c>ann</c> command: every size in turn, a table, and the figures as JSON.</summary>
internal sealed record AnnReport(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, Machine Machine, double LoadAverageAtStart,
    double TargetP95Ms, double TargetRecallLostPercent, IReadOnlyList<AnnSizeResult> Sizes)
{
    public static async Task<int> RunAsync(AnnBenchOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var load = ProcCpu.LoadAverage() ?? 0;
        var machine = Machine.Local("not used");
        var corpus = AnnCorpus.Build(Corpus.SolutionFolder(), ct);
        var sizes = new List<AnnSizeResult>();
        AnnReport? report = null;
        for (var i = 0; i < options.Sizes.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            sizes.Add(AnnBench.Run(corpus, options.Sizes[i], options.Timed[i], options.Connectivity, options.ShardSize));
            GC.Collect();
            // Written after every size: a run stopped during the largest one keeps the sizes it finished.
            report = new AnnReport("student-ann", options.CommandLine(), startedAt, Math.Round(Stopwatch.GetElapsedTime(started).TotalMinutes, 1),
                machine, load, 20, 1, [.. sizes]);
            await JsonReport.WriteAsync(options.Out, report, ct);
        }

        report?.PrintTable();
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }

    private void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"{Machine.Cpu}, {Machine.Cores} cores, {Machine.RamGiB} GiB; {Machine.Os}; {Machine.Dotnet}; load average {LoadAverageAtStart}"));
        Console.WriteLine(Invariant($"{"memories",9} {"exact p50",10} {"exact p95",10} {"ANN p50",9} {"ANN p95",9} {"dense exact p95",16} {"dense ANN p95",14} {"graph s",8} {"graph MiB",10} {"recall@10",10} {"lost %",7} {"hybrid agree",13}"));
        foreach (var s in Sizes)
            Console.WriteLine(Invariant($"{s.Memories,9} {s.Exact.P50Ms,10} {s.Exact.P95Ms,10} {s.Ann.P50Ms,9} {s.Ann.P95Ms,9} {s.ExactDenseStage.P95Ms,16} {s.AnnDenseStage.P95Ms,14} {s.GraphBuildSeconds,8} {s.GraphMemoryMiB,10} {s.AnnDenseRecallAt10,10} {s.RecallLostPercent,7} {s.HybridTop10Agreement,13}"));
    }
}
