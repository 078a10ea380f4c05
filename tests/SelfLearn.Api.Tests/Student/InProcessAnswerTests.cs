using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Api.Tests.Student;

/// <summary>
/// The offline answerer called in process, as the Teacher's offline evaluator calls it (retrieval → delivered context →
/// <see cref="OfflineAnswerer.AnswerAsync"/> with the query's seed), says what <c>/maas/v1/query</c> says.
/// </summary>
public sealed class InProcessAnswerTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_in_process_answer_is_the_query_routes_answer_word_for_word()
    {
        var ct = TestContext.Current.CancellationToken;
        await Host.Remember("alice",
            ("I adopted a dog named Max last spring.", "D1:1", "2023-05-08T10:00:00Z"),
            ("Max loves the beach at Brighton.", "D1:2", "2023-05-09T10:00:00Z"),
            ("My sister lives in Lisbon. She teaches chemistry.", "D1:3", "2023-05-10T10:00:00Z"));
        var parameters = DefaultCatalog.Factors.ToDictionary(f => f.Key, f => f.Default, StringComparer.Ordinal);
        var settings = RetrievalSettings.From(parameters);
        var threshold = parameters[OfflineAnswerer.SupportThresholdKey].GetDouble();
        var temperature = parameters["generation.temperature"].GetDouble();
        var embedder = Host.Services.GetRequiredService<ITextEmbedder>();
        var answerer = Host.Services.GetRequiredService<OfflineAnswerer>();
        var index = await Host.Services.GetRequiredService<MemoryIndexCache>().GetAsync("default", "alice", ct);

        var said = new List<(string, bool)>();
        foreach (var question in new[] { "Where does my dog like to go?", "Where does my sister live?", "What is my resting heart rate?" })
        {
            var served = await Host.Ask("alice", question);
            var vector = (await embedder.EmbedAsync([question], EmbeddingKind.Query, ct))[0];
            var retrieved = RetrieveMemories.Run(index, question, vector, settings, null, TimeProvider.System);
            var mine = await answerer.AnswerAsync(DeliveredContext.From(retrieved.Items), question, threshold, temperature,
                AnswerSeed.For("t-1", "alice", question), ct);

            Assert.Equal((served!["answer"]!.GetValue<string>(), served["abstained"]!.GetValue<bool>()), (mine.Text, mine.Abstained));
            said.Add((mine.Text, mine.Abstained));
        }

        Assert.Equal(
            [("[9 May 2023] alice: Max loves the beach at Brighton.", false), ("[10 May 2023] alice: My sister lives in Lisbon.", false), ("I don't know.", true)],
            said);
    }
}
