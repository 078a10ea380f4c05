using System.Diagnostics;
using SelfLearn.Agents.Student.Retrieval;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student.Ann;

/// <summary>One index size: the exact scan and the HNSW index side by side, on the same memories and questions.</summary>
internal sealed record AnnSizeResult(
    int Memories, int Graphs, int TimedQuestions, int RecallQuestions, int ExactCheckQuestions, double IndexBuildSeconds, double IndexManagedMiB, double GraphBuildSeconds,
    double GraphMemoryMiB, Latency Exact, Latency Ann, Latency ExactDenseStage, Latency AnnDenseStage, double AnnOverExactP95, double ExactScanDenseRecallAt10, double AnnDenseRecallAt10,
    double RecallLostPercent, double HybridTop10Agreement, double AnnCandidatesOnlyShare);

/// <summary>
/// Large memories (#15 item 4): for each size, an index of size − 1 memories with vectors is timed with the exact scan
/// (catalog-default hybrid retrieval), then one memory without a vector crosses <see cref="AnnOptions.Threshold"/> and
/// builds the HNSW graph over the same vectors, and the same questions are timed again. Recall@10 of the dense side is
/// measured on every dev question against <see cref="ExactDenseTop10"/>. Embedding is excluded.
/// </summary>
internal static class AnnBench
{
    private const int WarmUp = 20;

    // A few timed questions (the exact scan at a million memories takes seconds each) get half as many warm-ups.
    private static int WarmUps(int timed) => Math.Min(WarmUp, timed / 2);

    public static AnnSizeResult Run(AnnCorpus corpus, int size, int timed, int connectivity, int shardSize)
    {
        var settings = RetrievalSettings.From(RetrievalBench.DefaultParameters());
        var questions = corpus.Questions.Count;

        var managedBefore = GC.GetTotalMemory(true);
        var started = Stopwatch.GetTimestamp();
        var entries = corpus.Memories(size - 1).ToList();
        using var index = new MemoryIndex(entries, new AnnOptions { Threshold = size, Connectivity = connectivity, ShardSize = shardSize });
        var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var managedMiB = (GC.GetTotalMemory(true) - managedBefore) / 1048576.0;
        Progress.Log(Invariant($"{size - 1} memories indexed in {buildSeconds:F1} s, {managedMiB:F0} MiB managed; exact scan"));
        var now = index.Latest ?? DateTimeOffset.UtcNow;

        var (exact, exactTop10, _) = Time(index, corpus, settings, now, timed);
        var exactDense = DenseStage(index, corpus, timed);
        Progress.Log($"exact scan: {exact}; its dense stage alone: {exactDense}");
        var truth = new ExactDenseTop10(entries.ConvertAll(e => e.Vector));
        var expected = corpus.QueryVectors.AsParallel().AsOrdered().Select(truth.Of).ToList();
        var checkedQuestions = Math.Min(timed, questions);
        var exactRecall = Recall(index, corpus, expected, checkedQuestions);
        Progress.Log(Invariant($"ground truth computed; the exact scan's dense recall@10 on {checkedQuestions} questions: {exactRecall}"));

        GC.Collect();
        var workingSet = Process.GetCurrentProcess().WorkingSet64;
        started = Stopwatch.GetTimestamp();
        index.AddMissing([new MemoryEntry(Guid.NewGuid(), "one memory without a vector", null, now, null, null, 0, [])]);
        var graphSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var graphMiB = (Process.GetCurrentProcess().WorkingSet64 - workingSet) / 1048576.0;
        if (!index.UsesAnn)
            throw new InvalidOperationException("The index did not switch to its HNSW graph at the threshold.");
        Progress.Log(Invariant($"HNSW graphs ({index.AnnGraphs}) built in {graphSeconds:F1} s (+{graphMiB:F0} MiB working set); ANN"));

        var (ann, annTop10, candidatesOnly) = Time(index, corpus, settings, now, timed);
        var annDense = DenseStage(index, corpus, timed);
        Progress.Log(Invariant($"ANN: {ann}; its dense stage alone: {annDense}; ranked from candidates only: {candidatesOnly:P1} of the questions"));
        var annRecall = Recall(index, corpus, expected, questions);
        var agreement = annTop10.Zip(exactTop10, (a, e) => a.Intersect(e).Count() / 10.0).Average();
        Progress.Log(Invariant($"ANN dense recall@10 on {questions} questions: {annRecall}; hybrid top-10 agreement with the exact scan {agreement:F4}"));

        return new AnnSizeResult(size, index.AnnGraphs, timed, questions, checkedQuestions, Latency.R(buildSeconds, 1), Latency.R(managedMiB, 0), Latency.R(graphSeconds, 1),
            Latency.R(graphMiB, 0), exact, ann, exactDense, annDense, Latency.R(ann.P95Ms / exact.P95Ms, 3), Latency.R(exactRecall, 4), Latency.R(annRecall, 4),
            Latency.R((1 - annRecall) * 100, 2), Latency.R(agreement, 4), Latency.R(candidatesOnly, 4));
    }

    /// <returns>Also the share of the timed questions that <see cref="HybridRetriever"/> ranked from candidates only.</returns>
    private static (Latency Latency, List<Guid[]> Top10, double CandidatesOnly) Time(MemoryIndex index, AnnCorpus corpus, RetrievalSettings settings, DateTimeOffset now, int timed)
    {
        var count = corpus.Questions.Count;
        for (var i = 0; i < WarmUps(timed); i++)
            HybridRetriever.Retrieve(index, corpus.Questions[i % count], corpus.QueryVectors[i % count], settings, now);
        var samples = new List<double>(timed);
        var top10 = new List<Guid[]>(timed);
        var candidatesOnly = 0;
        for (var i = 0; i < timed; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = HybridRetriever.Retrieve(index, corpus.Questions[i % count], corpus.QueryVectors[i % count], settings, now);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            top10.Add([.. result.Ranked.Take(10).Select(m => m.Id)]);
            candidatesOnly += result.RankedCandidatesOnly ? 1 : 0;
        }

        return (Latency.From(samples), top10, (double)candidatesOnly / timed);
    }

    /// <summary>The dense stage of <see cref="HybridRetriever"/> alone: a raw cosine for every memory, by scan or by candidates.</summary>
    private static Latency DenseStage(MemoryIndex index, AnnCorpus corpus, int timed)
    {
        var snapshot = index.Snapshot;
        var scores = new double[snapshot.Count];
        var samples = new List<double>(timed);
        var warmUps = WarmUps(timed);
        for (var i = 0; i < warmUps + timed; i++)
        {
            var query = corpus.QueryVectors[i % corpus.Questions.Count];
            var started = Stopwatch.GetTimestamp();
            var unit = new float[query.Length];
            DenseVector.Normalize(query, unit);
            if (index.DenseCandidates(snapshot, unit) is { } candidates)
                ApproximateDense.Score(snapshot, unit, candidates, scores);
            else
                HybridRetriever.ScoreDense(snapshot, unit, scores);
            if (i >= warmUps)
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Latency.From(samples);
    }

    /// <summary>Mean share of <see cref="ExactDenseTop10"/> found in the dense stage's own top 10 (scan or candidates).</summary>
    private static double Recall(MemoryIndex index, AnnCorpus corpus, List<int[]> expected, int questions)
    {
        var snapshot = index.Snapshot;
        var scores = new double[snapshot.Count];
        var found = 0;
        for (var q = 0; q < questions; q++)
        {
            var query = corpus.QueryVectors[q];
            var unit = new float[query.Length];
            DenseVector.Normalize(query, unit);
            IEnumerable<int> scored;
            if (index.DenseCandidates(snapshot, unit) is { } candidates)
            {
                ApproximateDense.Score(snapshot, unit, candidates, scores);
                scored = candidates;
            }
            else
            {
                HybridRetriever.ScoreDense(snapshot, unit, scores);
                scored = Enumerable.Range(0, scores.Length);
            }

            found += scored.OrderByDescending(p => scores[p]).Take(10).Count(expected[q].Contains);
        }

        return (double)found / (10 * questions);
    }
}
