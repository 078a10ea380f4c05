using System.Collections.Concurrent;
using System.Diagnostics;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Benchmarks.Search;

internal sealed record HttpEvalResult(double IngestSeconds, double QuestionsSeconds, double TotalSeconds, RetrievalSummary Summary);

/// <summary>
/// What <c>eval-retrieval</c> did before the offline evaluator, and still does against an external MaaS: ingest every
/// conversation through <c>/maas/v1/memories</c> (embeddings already cached by the offline pass) and ask every question
/// through <c>/maas/v1/query</c> with the same parallelism.
/// </summary>
internal static class HttpEvalBench
{
    public const string Deployment = "eval";

    public static async Task<HttpEvalResult> RunAsync(IMaasClient maas, IReadOnlyList<LocomoConversation> conversations, int parallelism, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var conversation in conversations)
            await LocomoIngestion.IngestAsync(maas, Deployment, conversation, _ => { }, ct);
        var ingest = Stopwatch.GetElapsedTime(started);

        var items = conversations.SelectMany(c => c.Questions.Where(q => q.HasEvidence).Select(q => (Conversation: c, Question: q))).ToList();
        var scores = new ConcurrentBag<ItemRetrievalScore?>();
        var asking = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (item, token) =>
        {
            var answer = await maas.QueryAsync(new QueryRequest(Deployment, LocomoIngestion.UserId(item.Conversation), null,
                item.Question.Question, CycleType: CycleTypes.Offline), token);
            scores.Add(RetrievalScoring.Score(item.Question.Category, [.. answer.Items.Select(i => i.SourceId ?? "")], item.Question.Evidence));
        });
        var questions = Stopwatch.GetElapsedTime(asking);
        return new HttpEvalResult(Stats.Round(ingest.TotalSeconds, 2), Stats.Round(questions.TotalSeconds, 2),
            Stats.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 2), RetrievalScoring.Summarize(scores));
    }
}
