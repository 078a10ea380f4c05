using System.Collections.Concurrent;
using System.Text.Json;
using SelfLearn.Agents.Locomo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Teacher.Search;

namespace SelfLearn.Agents.Experiments.Retrieval;

/// <summary>The scores of an evaluation and the configuration it ran on.</summary>
public sealed record RetrievalEvaluation(RetrievalSummary Summary, IReadOnlyDictionary<string, JsonElement> Config);

/// <summary>
/// Evaluates retrieval on a real, Tuner-validated configuration version: the catalog defaults plus the ranking defaults
/// plus the given values become the active version of the evaluation deployment (so every evaluated config is in the
/// audit trail); every QA item with evidence is asked and the delivered source ids are scored against the evidence turns.
/// This app's own Student is evaluated in process by the <see cref="OfflineEvaluator"/> (its retrieval code, its
/// embedder and cache); an external MaaS (<c>Maas:BaseUrl</c> set) is evaluated through the contract: the conversations
/// are ingested and the questions asked over HTTP.
/// </summary>
public sealed class EvaluateRetrieval(
    PrepareVariants variants, IMaasClient maas, ITextEmbedder embedder, IConfiguration configuration,
    [FromKeyedServices(SecondEmbedder.MiniLm)] ITextEmbedder miniLm)
{
    public const string By = "system:eval-retrieval";

    /// <summary>Ranking needs 50 candidates for recall@50; the given values win over these.</summary>
    public static readonly IReadOnlyDictionary<string, JsonElement> RankingDefaults = new Dictionary<string, JsonElement>
    {
        ["retrieval.top_k"] = JsonSerializer.SerializeToElement(50),
        ["context.max_tokens"] = JsonSerializer.SerializeToElement(32000),
        ["retrieval.min_score"] = JsonSerializer.SerializeToElement(0),
    };

    public async Task<RetrievalEvaluation> RunAsync(
        IReadOnlyList<LocomoConversation> conversations, string deploymentId, IReadOnlyDictionary<string, JsonElement> values, int parallelism,
        IProgress<LocomoProgress>? progress, CancellationToken ct)
    {
        var wanted = RankingDefaults.Concat(values).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var config = await variants.ActivateAsync(deploymentId, wanted, "evaluation deployment", "eval-retrieval run", By, ct);

        if (configuration["Maas:BaseUrl"] is null)
        {
            var dataset = (await IndexedDataset.BuildAsync(conversations, embedder, progress, ct)).WithSecondEmbedder(miniLm);
            await dataset.SecondQuestionVectorsAsync(RetrievalSettings.From(config), ct);
            var summary = OfflineEvaluator.Evaluate(dataset, config, parallelism, ct);
            progress?.Report(new LocomoProgress(LocomoStep.Asking, dataset.Questions, dataset.Questions));
            return new RetrievalEvaluation(summary, config);
        }

        var turns = conversations.Sum(c => c.Turns.Count());
        foreach (var conversation in conversations)
            await LocomoIngestion.IngestAsync(maas, deploymentId, conversation, done => progress?.Report(new LocomoProgress(LocomoStep.Ingesting, turns, done)), ct);

        var items = conversations.SelectMany(c => c.Questions.Where(q => q.HasEvidence).Select(q => (Conversation: c, Question: q))).ToList();
        var scores = new ConcurrentBag<ItemRetrievalScore?>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (item, token) =>
        {
            var answer = await maas.QueryAsync(new QueryRequest(deploymentId, LocomoIngestion.UserId(item.Conversation), null,
                item.Question.Question, CycleType: CycleTypes.Offline), token);
            scores.Add(RetrievalScoring.Score(item.Question.Category, [.. answer.Items.Select(i => i.SourceId ?? "")], item.Question.Evidence));
            progress?.Report(new LocomoProgress(LocomoStep.Asking, items.Count, 1));
        });
        return new RetrievalEvaluation(RetrievalScoring.Summarize([.. scores]), config);
    }
}
