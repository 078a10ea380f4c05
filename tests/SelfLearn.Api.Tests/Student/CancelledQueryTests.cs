using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

public sealed class CancelledQueryTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Question = "Where does my sister live?";
    private const string CancelledByClient = "cancelled: the client went away before the answer";

    private NpgsqlDataSource DataSource => Host.Services.GetRequiredService<NpgsqlDataSource>();

    [Fact]
    public async Task A_client_that_goes_away_while_the_index_loads_leaves_its_run_and_does_not_poison_the_cache()
    {
        await RememberAndForgetIndexAsync();
        using var client = new CancellationTokenSource();
        Task<(QueryResponse?, string?)> query;
        await using (var blocked = await TableLock.TakeAsync(DataSource, "selflearn.mt_doc_memorydocument"))
        {
            query = Host.Services.GetRequiredService<AnswerQuestion>().HandleAsync(new QueryRequest("default", "alice", "t-1", Question), client.Token);
            await blocked.WaitForBlockedReaderAsync();
            await client.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        }

        Assert.Equal(["D1:1"], (await Host.Ask("alice", Question)).Sources());
        Assert.Equal(1L, await Host.Sql<long>($"select count(*) from selflearn.pipeline_runs where error = '{CancelledByClient}' and config_version = 1"));
        Assert.Equal(1L, await Host.Sql<long>("select count(*) from selflearn.pipeline_runs where error is null"));
    }

    [Fact]
    public async Task A_failed_index_load_answers_500_leaves_its_run_and_is_not_cached()
    {
        await RememberAndForgetIndexAsync();
        await using (var blocked = await TableLock.TakeAsync(DataSource, "selflearn.mt_doc_memorydocument"))
        {
            var failing = Host.Scenario(s =>
            {
                s.Post.Json(new { deploymentId = "default", userId = "alice", threadId = "t-1", question = Question }).ToUrl("/maas/v1/query");
                s.WithRequestHeader("X-Api-Key", Keys.Service);
                s.StatusCodeShouldBe(500);
            });
            await blocked.CancelBlockedReaderAsync();
            await failing;
        }

        Assert.False(Host.Services.GetRequiredService<MemoryIndexCache>().Holds("default", "alice"));
        Assert.Equal(["D1:1"], (await Host.Ask("alice", Question)).Sources());
        // 57014 is PostgreSQL's query_canceled.
        Assert.Equal(1L, await Host.Sql<long>("select count(*) from selflearn.pipeline_runs where error like '%57014%' and config_version = 1"));
        Assert.Equal(1L, await Host.Sql<long>("select count(*) from selflearn.pipeline_runs where error is null"));
    }

    [Fact]
    public async Task A_client_that_goes_away_while_the_configuration_loads_leaves_a_run_without_a_version()
    {
        using var client = new CancellationTokenSource();
        await using (var blocked = await TableLock.TakeAsync(DataSource, "selflearn.mt_doc_deployment"))
        {
            var query = Host.Services.GetRequiredService<AnswerQuestion>().HandleAsync(new QueryRequest("default", "alice", "t-1", Question), client.Token);
            await blocked.WaitForBlockedReaderAsync();
            await client.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        }

        Assert.Equal(1L, await Host.Sql<long>(
            $"select count(*) from selflearn.pipeline_runs where error = '{CancelledByClient}' and config_version is null and question = '{Question}'"));
    }

    private async Task RememberAndForgetIndexAsync()
    {
        await Host.Remember("alice", ("My sister lives in Lisbon and teaches chemistry.", "D1:1", "2023-05-08T10:00:00Z"));
        Host.Services.GetRequiredService<MemoryIndexCache>().Clear();
    }
}
