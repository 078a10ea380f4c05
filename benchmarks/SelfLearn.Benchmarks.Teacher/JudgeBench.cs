using System.Diagnostics;
using Npgsql;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Teacher.Calibration;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Caching;
using SelfLearn.Agents.Teacher.Judging.Offline;

namespace SelfLearn.Benchmarks.Teacher;

internal sealed record JudgePass(string Name, int Answers, double Seconds, double AnswersPerSecond, double MeanMs);

internal sealed record JudgeResult(int Answers, string JudgeVersion, double ModelLoadSeconds, IReadOnlyList<JudgePass> Passes);

/// <summary>
/// The offline judge over every answer of the calibration set, one at a time: with the bare embedding model (every
/// claim and context item embedded), with the app's two-level embedding cache after it has seen the texts, and behind
/// the PostgreSQL score cache (first pass: miss, judge and insert; second pass: every score read back). Loading the
/// model (and its first inference) happens before any clock starts and is reported on its own.
/// </summary>
internal static class JudgeBench
{
    public static async Task<JudgeResult> RunAsync(NpgsqlDataSource database, ITextEmbedder appEmbedder, string calibration, CancellationToken ct)
    {
        var inputs = CalibrationSet.Load(calibration).Select(i => i.ToInput()).ToList();
        var watch = Stopwatch.StartNew();
        using var model = new ArcticXsEmbedder();
        model.Embed(["warm up the model"], EmbeddingKind.Passage, null, ct);
        appEmbedder.Embed(["warm up the model"], EmbeddingKind.Passage, null, ct);
        var load = watch.Elapsed.TotalSeconds;

        var bare = new OfflineJudge(model);
        var cachedVectors = new OfflineJudge(appEmbedder);
        var scoreCache = new PostgresJudgeCache(database);
        await scoreCache.EnsureAsync(ct);
        var cached = new CachedJudge(new OfflineJudge(appEmbedder), scoreCache);
        var passes = new List<JudgePass>
        {
            await PassAsync("uncached: offline judge on the bare model (every text embedded)", bare, inputs, ct),
            await PassAsync("uncached: offline judge, app embedder, first pass (vectors computed and stored)", cachedVectors, inputs, ct),
            await PassAsync("uncached: offline judge, app embedder, vectors cached", cachedVectors, inputs, ct),
            await PassAsync("PostgreSQL score cache, first pass (miss: judge + insert)", cached, inputs, ct),
            await PassAsync("PostgreSQL score cache, second pass (every score read back)", cached, inputs, ct),
        };
        return new JudgeResult(inputs.Count, bare.Version, Stats.Round(load, 2), passes);
    }

    private static async Task<JudgePass> PassAsync(string name, IAnswerJudge judge, IReadOnlyList<JudgeInput> inputs, CancellationToken ct)
    {
        Progress.Log($"judge: {name}");
        var watch = Stopwatch.StartNew();
        foreach (var input in inputs)
            await judge.JudgeAsync(input, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        var pass = new JudgePass(name, inputs.Count, Stats.Round(seconds, 3), Stats.Round(inputs.Count / seconds, 1), Stats.Round(seconds * 1000 / inputs.Count, 2));
        Progress.Log($"  {pass.AnswersPerSecond} answers/s");
        return pass;
    }
}
