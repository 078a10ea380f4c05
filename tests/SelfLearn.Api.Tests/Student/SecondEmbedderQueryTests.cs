using System.Text.Json.Nodes;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

/// <summary>
/// <c>retrieval.second_embedder = minilm</c> over HTTP, on a user whose memories were ingested (and whose index was
/// loaded) while it was off: with only the second model weighted, the item scores are the min-max normalised cosines
/// of all-MiniLM-L6-v2, computed here with a model of the test's own.
/// </summary>
public sealed class SecondEmbedderQueryTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Question = "Where does the puppy like to sprint?";

    [Fact]
    public async Task A_query_selecting_minilm_scores_a_user_ingested_before_by_the_second_models_cosines()
    {
        await Host.Remember("ann",
            ("My dog loves running on the beach.", "d1", "2023-05-01T10:00:00Z"),
            ("Quarterly tax filings are due in April.", "d2", "2023-05-01T10:01:00Z"),
            ("I painted a sunrise over the lake.", "d3", "2023-05-01T10:02:00Z"));
        var before = await Host.Ask("ann", Question); // loads the index without second vectors
        Assert.All(before!["items"]!.AsArray(), i => Assert.False(i!["components"]!.AsObject().ContainsKey("secondDense")));
        Assert.Equal(0, await SecondModelVectorsStored()); // neither ingest nor a query without it runs the second model
        await ActivateSecondModelOnly();

        var answer = await Host.Ask("ann", Question);
        AssertScores(answer, ["d1", "d2", "d3"]);
        Assert.Equal(4, await SecondModelVectorsStored()); // the question and the three memories

        // Memories ingested after the index got its second vectors get theirs at the next query.
        await Host.Remember("ann", ("The puppy sprints along the seashore every morning.", "d4", "2023-05-01T10:03:00Z"));
        var later = await Host.Ask("ann", Question);
        AssertScores(later, ["d1", "d2", "d3", "d4"]);
        Assert.Equal("d4", later.Sources()[0]);
    }

    /// <summary>The second model's vectors of this test's question and memories in the PostgreSQL embedding cache.</summary>
    private Task<long> SecondModelVectorsStored()
    {
        string[] keys =
        [
            EmbeddingCacheKey.For(MiniLmEmbedder.ModelName, EmbeddingKind.Query, Question),
            .. new[] { "My dog loves running on the beach.", "Quarterly tax filings are due in April.", "I painted a sunrise over the lake." }
                .Select(text => EmbeddingCacheKey.For(MiniLmEmbedder.ModelName, EmbeddingKind.Passage, $"ann: {text}")),
        ];
        return Host.Sql<long>($"select count(*) from selflearn.embedding_cache where key in ('{string.Join("','", keys)}')");
    }

    private static void AssertScores(JsonNode? answer, string[] sources)
    {
        var texts = new Dictionary<string, string>
        {
            ["d1"] = "My dog loves running on the beach.", ["d2"] = "Quarterly tax filings are due in April.",
            ["d3"] = "I painted a sunrise over the lake.", ["d4"] = "The puppy sprints along the seashore every morning.",
        };
        using var model = new MiniLmEmbedder();
        var query = model.Embed([Question], EmbeddingKind.Query)[0];
        var cosines = sources.ToDictionary(s => s, s => Dot(query, model.Embed([$"ann: {texts[s]}"], EmbeddingKind.Passage)[0]));
        double min = cosines.Values.Min(), max = cosines.Values.Max();

        var items = answer!["items"]!.AsArray();
        Assert.Equal(sources.Length, items.Count);
        Assert.Equal(cosines.OrderByDescending(c => c.Value).Select(c => c.Key), answer.Sources());
        foreach (var item in items)
        {
            var expected = (cosines[item!["sourceId"]!.GetValue<string>()] - min) / (max - min);
            Assert.Equal(expected, item["score"]!.GetValue<double>(), 1e-4);
            Assert.Equal(expected, item["components"]!["secondDense"]!.GetValue<double>(), 1e-4);
        }
    }

    private async Task ActivateSecondModelOnly()
    {
        var created = await Host.Post("/api/deployments/default/versions", new
        {
            parameters = new Dictionary<string, object>
            {
                ["retrieval.bm25_weight"] = 0, ["retrieval.dense_weight"] = 0, ["retrieval.recency_weight"] = 0, ["retrieval.keyword_weight"] = 0,
                ["retrieval.neighbor_weight"] = 0, ["retrieval.fusion"] = "minmax", ["retrieval.duplicate_similarity"] = 1,
                ["retrieval.second_embedder"] = "minilm", ["retrieval.second_dense_weight"] = 1,
            },
            reason = "second model only",
        }, 201);
        await Host.Post($"/api/deployments/default/versions/{created!["configVersion"]}/activate", new { reason = "try the second model" }, 200);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
