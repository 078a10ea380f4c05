using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;
using SelfLearn.Projections.Experiments;

namespace SelfLearn.Api.Tests.Experiments;

public sealed class LiveSplitRaceTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string SplitTable = "selflearn.mt_doc_livesplit";

    [Fact]
    public async Task Of_two_online_experiments_started_at_once_on_one_deployment_exactly_one_starts()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-a", fewer);
        await Host.RegisterExperiment("exp-b", fewer);
        var ct = TestContext.Current.CancellationToken;
        await using (var session = Fixture.Store.QuerySession())
            Assert.Null(await session.LoadAsync<LiveSplit>("default", ct));
        var before = await Host.EventCount();
        var dataSource = Host.Services.GetRequiredService<NpgsqlDataSource>();
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);

        Task<HttpResponseMessage>[] starts;
        // Both starts read the deployment's split while it is locked, so both decide before either appends.
        await using (await TableLock.TakeAsync(dataSource, SplitTable))
        {
            starts = [.. new[] { "exp-a", "exp-b" }.Select(id => client.PostAsJsonAsync($"/api/experiments/{id}/start", new { reason = "race" }, ct))];
            await WaitForBlockedReadersAsync(dataSource, 2, ct);
        }
        var responses = await Task.WhenAll(starts);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(before + 1, await Host.EventCount());
        var refusal = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("only one splits its live traffic. Nothing was appended.",
            (await refusal.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>(ct))!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "exp-a" : "exp-b";
        var loser = winner == "exp-a" ? "exp-b" : "exp-a";
        Assert.Equal(("started", "designed"), ((await Host.Get($"/api/experiments/{winner}"))!["status"]!.GetValue<string>(),
            (await Host.Get($"/api/experiments/{loser}"))!["status"]!.GetValue<string>()));
        Assert.Equal(winner, (await Host.AskLive("alice")).Served().ExperimentId);
    }

    private static async Task WaitForBlockedReadersAsync(NpgsqlDataSource dataSource, int count, CancellationToken ct)
    {
        await using var probe = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"select count(*) from pg_locks where relation = '{SplitTable}'::regclass and not granted", probe);
        while ((long)(await command.ExecuteScalarAsync(ct))! < count)
            await Task.Delay(20, ct);
    }
}
