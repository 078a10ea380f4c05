using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

/// <summary>
/// Import and evaluation of one real LoCoMo conversation through the HTTP contract, with a dense-only config whose
/// ranking a brute-force cosine search in the test must reproduce exactly.
/// </summary>
public sealed class LocomoEvalTests(AppFixture fixture) : ApiTest(fixture)
{
    public static string DevSplit()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
            dir = dir.Parent;
        return Path.Combine(dir!.FullName, "data", "locomo", "locomo-dev.json");
    }

    [Fact]
    public async Task Eval_on_one_conversation_matches_a_brute_force_dense_ranking()
    {
        var conversation = LocomoDataset.Load(DevSplit()).Single(c => c.SampleId == "conv-30");
        await Host.CreateAndActivate("retrieval.top_k", 50);
        var created = await Host.Post("/api/deployments/default/versions", new
        {
            parameters = new Dictionary<string, object>
            {
                ["retrieval.bm25_weight"] = 0, ["retrieval.dense_weight"] = 1, ["retrieval.recency_weight"] = 0, ["retrieval.keyword_weight"] = 0,
                ["retrieval.neighbor_weight"] = 0, ["retrieval.fusion"] = "minmax", ["retrieval.duplicate_similarity"] = 1, ["context.max_tokens"] = 32000,
            },
            reason = "dense-only reference run",
        }, 201);
        await Host.Post($"/api/deployments/default/versions/{created!["configVersion"]}/activate", new { reason = "eval" }, 200);

        using var http = Host.Server.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", Keys.Service);
        var maas = new HttpMaasClient(http);
        var imported = await LocomoIngestion.IngestAsync(maas, "default", conversation, _ => { }, TestContext.Current.CancellationToken);
        Assert.Equal(369, imported);

        var embedder = Host.Services.GetRequiredService<ITextEmbedder>();
        var turns = conversation.Turns.ToList();
        var turnVectors = embedder.Embed([.. turns.Select(t => $"{t.Speaker}: {t.MemoryText}")], EmbeddingKind.Passage);
        var served = new List<ItemRetrievalScore?>();
        var reference = new List<ItemRetrievalScore?>();
        foreach (var qa in conversation.Questions.Where(q => q.HasEvidence))
        {
            var answer = await maas.QueryAsync(new QueryRequest("default", LocomoIngestion.UserId(conversation), null, qa.Question));
            served.Add(RetrievalScoring.Score(qa.Category, [.. answer.Items.Select(i => i.SourceId!)], qa.Evidence));

            var query = embedder.Embed([qa.Question], EmbeddingKind.Query)[0];
            var ranked = turns.Select((t, i) => (t.DiaId, Score: Dot(query, turnVectors[i]))).OrderByDescending(x => x.Score).Take(50).Select(x => x.DiaId).ToList();
            reference.Add(RetrievalScoring.Score(qa.Category, ranked, qa.Evidence));
        }

        var fromService = RetrievalScoring.Summarize(served);
        var bruteForce = RetrievalScoring.Summarize(reference);
        Assert.Equal(conversation.Questions.Count(q => q.HasEvidence), fromService.Items);
        foreach (var k in RetrievalScoring.Cutoffs)
            Assert.Equal(bruteForce.Recall[k], fromService.Recall[k], 3);
        Assert.True(fromService.Recall[50] > fromService.Recall[5]);
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
