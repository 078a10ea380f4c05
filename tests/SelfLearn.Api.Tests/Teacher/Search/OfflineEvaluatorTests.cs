using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Experiments;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Teacher.Search;

/// <summary>
/// The offline evaluator against <c>/maas/v1/query</c> on the first two sessions of LoCoMo conv-30 (44 turns, the 22
/// questions whose evidence lies in them), under seeded random configurations drawn inside the catalog's bounds of
/// every factor the query path reads (neighbour window, query expansion and speaker weight included), with and without the
/// second embedder (whose vectors the user, ingested before, gets at its first query that selects it).
/// </summary>
public sealed class OfflineEvaluatorTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_evaluator_ranks_and_scores_exactly_as_the_query_route_for_random_configurations()
    {
        var ct = TestContext.Current.CancellationToken;
        var conversation = TwoSessionsOfConv30();
        using var http = Host.Server.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", Keys.Service);
        var maas = new HttpMaasClient(http);
        await using var scope = Host.Services.CreateAsyncScope();
        var variants = scope.ServiceProvider.GetRequiredService<PrepareVariants>();
        await variants.OpenAsync("default", "test", "test", ct);
        Assert.Equal(44, await LocomoIngestion.IngestAsync(maas, "default", conversation, _ => { }, ct));

        var dataset = await IndexedDataset.BuildAsync([conversation], Host.Services.GetRequiredService<ITextEmbedder>(), null, ct);
        var indexed = Assert.Single(dataset.Conversations);
        Assert.Equal(22, indexed.Questions.Count);
        var aligned = indexed with { Index = new MemoryIndex(await WithStoredIds(conversation, ct)) };
        var alignedDataset = new IndexedDataset([aligned]).WithSecondEmbedder(Host.Services.GetRequiredKeyedService<ITextEmbedder>(SecondEmbedder.MiniLm));
        var cached = Host.Services.GetRequiredService<MemoryIndexCache>();

        // Even seeds select the second embedder: seed 1 loads the user's index without second vectors, seed 2 fills them.
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var values = RandomValues(new Random(seed));
            Assert.Equal(RetrievalFactorKeys.All.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
            values[RetrievalFactorKeys.SecondEmbedder] = JsonSerializer.SerializeToElement(seed % 2 == 0 ? "minilm" : "none");
            var config = await variants.ActivateAsync("default", values, "test", $"random configuration {seed}", "test", ct);
            var settings = RetrievalSettings.From(config);
            var second = await alignedDataset.SecondQuestionVectorsAsync(settings, ct);
            var served = new List<ItemRetrievalScore?>();
            foreach (var question in aligned.Questions)
            {
                var answer = await maas.QueryAsync(new QueryRequest("default", LocomoIngestion.UserId(conversation), null, question.Question), ct);
                var offline = OfflineEvaluator.Retrieve(aligned, question, settings, second?[question.Question]);
                Assert.Equal(answer.Items.Select(i => (i.SourceId, i.Score)), offline.Items.Select(i => (i.Memory.SourceId, i.Score)));
                Assert.Equal(answer.RankedSourceIds!, offline.Ranked.Select(m => m.SourceId));
                served.Add(RetrievalScoring.Score(question.Category, [.. answer.Items.Select(i => i.SourceId!)], question.Evidence));
            }

            var summary = OfflineEvaluator.Evaluate(alignedDataset, config, 2, ct);
            Assert.Equal(JsonSerializer.Serialize(RetrievalScoring.Summarize(served)), JsonSerializer.Serialize(summary));
            var servedIndex = await cached.GetAsync("default", LocomoIngestion.UserId(conversation), ct);
            Assert.Equal(seed == 1 ? 0 : 44, servedIndex.SecondVectorCount);
        }
    }

    /// <summary>
    /// The evaluator's memories are the stored ones in every field but the id, which ingest draws at random (Guid v7);
    /// returns them with the stored ids, because equal scores of one session's turns are ordered by id.
    /// </summary>
    private async Task<List<MemoryEntry>> WithStoredIds(LocomoConversation conversation, CancellationToken ct)
    {
        await using var session = Fixture.Store.QuerySession();
        var stored = (await session.Query<MemoryDocument>().Where(m => m.UserId == LocomoIngestion.UserId(conversation)).ToListAsync(ct))
            .Select(MemoryIndexCache.ToEntry).ToDictionary(m => m.SourceId!, StringComparer.Ordinal);
        var mine = await IndexedDataset.MemoriesAsync(conversation, Host.Services.GetRequiredService<ITextEmbedder>(), ct);
        Assert.Equal(stored.Count, mine.Count);
        foreach (var memory in mine)
        {
            var twin = stored[memory.SourceId!];
            Assert.Equal((twin.Text, twin.Speaker, twin.Timestamp, twin.SessionKey, twin.Ordinal), (memory.Text, memory.Speaker, memory.Timestamp, memory.SessionKey, memory.Ordinal));
            Assert.Equal(twin.Vector, memory.Vector);
        }
        return [.. mine.Select(m => m with { Id = stored[m.SourceId!].Id })];
    }

    private static LocomoConversation TwoSessionsOfConv30()
    {
        var full = LocomoDataset.Load(LocomoEvalTests.DevSplit()).Single(c => c.SampleId == "conv-30");
        var sessions = full.Sessions.Take(2).ToList();
        var turns = sessions.SelectMany(s => s.Turns).Select(t => t.DiaId).ToHashSet(StringComparer.Ordinal);
        return full with { Sessions = sessions, Questions = [.. full.Questions.Where(q => q.HasEvidence && q.Evidence.All(turns.Contains))] };
    }

    /// <summary>A value for every factor <see cref="RetrievalSettings.From"/> reads, inside the catalog's bounds and steps.</summary>
    private static Dictionary<string, JsonElement> RandomValues(Random random)
    {
        var keys = typeof(RetrievalFactorKeys).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        return SelfLearn.Domain.ImpactFactors.DefaultCatalog.Factors.Where(f => keys.Contains(f.Key)).ToDictionary(f => f.Key, f =>
        {
            var bounds = f.Bounds;
            if (bounds.AllowedValues is { } allowed)
                return JsonSerializer.SerializeToElement(allowed[random.Next(allowed.Count)]);
            if (bounds.Min is not { } min || bounds.Max is not { } max)
                return JsonSerializer.SerializeToElement(random.Next(2) == 1);
            var step = bounds.Step ?? 0.01m;
            var value = min + step * random.Next((int)((max - min) / step) + 1);
            return JsonDocument.Parse(value.ToString(CultureInfo.InvariantCulture)).RootElement.Clone();
        }, StringComparer.Ordinal);
    }
}
