using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

public sealed class ConcurrentIngestTests(AppFixture fixture) : ApiTest(fixture)
{
    private const int Ingests = 20;
    private const int ItemsPerIngest = 2;

    private MemoryIndexCache Indexes => Host.Services.GetRequiredService<MemoryIndexCache>();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Parallel_ingests_into_one_thread_all_commit_with_distinct_ordinals_and_queries_keep_working(bool indexCachedFirst)
    {
        if (indexCachedFirst)
        {
            await Host.Ask("racer", "Anything yet?");
            Assert.True(Indexes.Holds("default", "racer"));
        }

        var responses = await IngestAllAtOnceAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        var stored = await StoredAsync();
        Assert.Equal(Ingests * ItemsPerIngest, stored.Count);
        Assert.All(stored, m => Assert.Equal("t-1", m.SessionKey));
        Assert.Equal(Enumerable.Range(0, Ingests * ItemsPerIngest), stored.Select(m => m.Ordinal).Order());
        var ordinalOf = stored.ToDictionary(m => m.Id, m => m.Ordinal);
        Assert.All(responses, r => Assert.Equal(ordinalOf[r.Ids[0]] + 1, ordinalOf[r.Ids[1]]));

        await AssertEveryMemoryIsFoundAsync();
        Indexes.Clear();
        await AssertEveryMemoryIsFoundAsync();
    }

    [Fact]
    public async Task Memories_stored_with_clashing_ordinals_still_answer_after_a_restart()
    {
        var ids = (await Host.Remember("legacy", ("I keep bees on the roof.", "L1", "2023-05-08T10:00:00Z"),
            ("The bees made honey in June.", "L2", "2023-05-08T10:01:00Z")))!["memoryIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ToList();
        await using (var session = Fixture.Store.LightweightSession())
        {
            var second = await session.LoadAsync<MemoryDocument>(ids[1]);
            session.Store(second! with { Ordinal = 0 });
            await session.SaveChangesAsync();
        }
        Indexes.Clear();

        var answer = await Host.Ask("legacy", "Where do I keep bees?");

        Assert.Equal(["L1", "L2"], answer.Sources().Order());
    }

    private async Task<(HttpStatusCode Status, IReadOnlyList<Guid> Ids)[]> IngestAllAtOnceAsync()
    {
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.Service);
        using var start = new SemaphoreSlim(0);
        var ingests = Enumerable.Range(0, Ingests).Select(async i =>
        {
            var body = new
            {
                deploymentId = "default", userId = "racer", threadId = "t-1",
                items = Enumerable.Range(0, ItemsPerIngest).Select(k => new { text = $"Racer note {i}-{k}: the parcel number is {(i * 10) + k}." }).ToArray(),
            };
            await start.WaitAsync();
            using var response = await client.PostAsJsonAsync("/maas/v1/memories", body);
            var ids = response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<IngestResponse>())!.MemoryIds : [];
            return (response.StatusCode, ids);
        }).ToArray();
        start.Release(Ingests);
        return await Task.WhenAll(ingests);
    }

    private async Task<IReadOnlyList<MemoryDocument>> StoredAsync()
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.Query<MemoryDocument>().Where(m => m.UserId == "racer").ToListAsync();
    }

    private async Task AssertEveryMemoryIsFoundAsync()
    {
        var answer = await Host.Ask("racer", "What is the parcel number of racer note 7-1?");
        Assert.NotEmpty(answer!["items"]!.AsArray());
        var index = await Indexes.GetAsync("default", "racer", CancellationToken.None);
        Assert.Equal(Ingests * ItemsPerIngest, index.Count);
    }
}
