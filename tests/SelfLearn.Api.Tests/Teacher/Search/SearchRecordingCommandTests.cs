using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Recording;
using SelfLearn.Api.Teacher;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Teacher.Search;

/// <summary>
/// The search command records what it did: the start with the dataset file's SHA-256, every trial of its trace in
/// order, and the result, so the routes show an auditor the same search the command printed and wrote.
/// </summary>
public sealed class SearchRecordingCommandTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Every_trial_of_the_printed_report_is_an_event_of_the_search_stream_and_the_routes_show_the_same_search()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = Path.Combine(Path.GetTempPath(), $"selflearn-{Guid.NewGuid():N}-search.json");
        var before = await Host.EventCount();

        var (code, printed) = await ConsoleCapture.RunAsync(() => SearchCommand.RunAsync(Host.Services,
            ["--dataset", LocomoEvalTests.DevSplit(), "--conversations", "conv-26,conv-30", "--objective", "recall@10", "--strategy", "random",
             "--budget", "3", "--seed", "5", "--space", "retrieval.bm25_weight,retrieval.dense_weight", "--out", output], ct));

        Assert.True(code == 0, printed);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(output, ct))!;
        var trace = report["trace"]!.AsArray();
        var search = (await Host.Get("/api/searches", key: Keys.Service))!.AsArray().Single()!;
        var id = search["searchId"]!.GetValue<string>();
        Assert.Contains($"Recorded as search {id}", printed, StringComparison.Ordinal);
        Assert.Equal(before + trace.Count + 2, await Host.EventCount());

        Assert.Equal(("completed", "retrieval.recall@10", "random", 5L, 3, 2), (search["status"]!.GetValue<string>(), search["objective"]!.GetValue<string>(),
            search["strategy"]!.GetValue<string>(), search["seed"]!.GetValue<long>(), search["budget"]!.GetValue<int>(), search["folds"]!.GetValue<int>()));
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(LocomoEvalTests.DevSplit(), ct)));
        Assert.Equal(("locomo-dev.json", sha, """["conv-26","conv-30"]"""), (search["dataset"]!["name"]!.GetValue<string>(),
            search["dataset"]!["sha256"]!.GetValue<string>(), search["dataset"]!["conversations"]!.ToJsonString()));
        Assert.Equal((trace.Count, report["best"]!["outOfFold"]!.GetValue<double>(), report["baseline"]!["outOfFold"]!.GetValue<double>()),
            (search["evaluations"]!.GetValue<int>(), search["result"]!["best"]!["outOfFold"]!.GetValue<double>(),
             search["result"]!["baseline"]!["outOfFold"]!.GetValue<double>()));

        var recorded = (await Host.Get($"/api/searches/{id}/trials?limit=100", key: Keys.Service))!.AsArray();
        Assert.Equal(trace.Select(t => (t!["number"]!.GetValue<int>(), t["fold"]!.GetValue<int>(), t["objective"]!.GetValue<double>(), t["parameters"]!.ToJsonString())),
            recorded.Select(t => (t!["number"]!.GetValue<int>(), t["fold"]!.GetValue<int>(), t["objective"]!.GetValue<double>(), t["parameters"]!.ToJsonString())));

        var front = (await Host.Get($"/api/searches/{id}/pareto", key: Keys.Service))!["points"]!.AsArray();
        Assert.Equal(report["pareto"]!.AsArray().Select(p => p!["number"]!.GetValue<int>()).Order(), front.Select(p => p!["trial"]!.GetValue<int>()).Order());
        File.Delete(output);
    }

    [Fact]
    public async Task A_search_cancelled_after_its_start_keeps_the_trials_it_had_and_ends_abandoned()
    {
        var path = LocomoEvalTests.DevSplit();
        var conversations = LocomoDataset.Load(path).Where(c => c.SampleId is "conv-26" or "conv-30").ToList();
        var source = SearchSource.FromFile(path, conversations);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var search = Host.Services.GetRequiredService<RecordSearch>();
        var (plan, start) = await search.PlanAsync(new SearchRequest("recall@10", "random", Budget: 5, Seed: 2, Space: ["retrieval.top_k"]), source, "default",
            stop.Token);
        var seen = new StopAfter(2, stop);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.RunAsync(plan, start, source, "default", "test", 1, null, seen, stop.Token));

        var recorded = (await Host.Get("/api/searches", key: Keys.Service))!.AsArray().Single()!;
        Assert.Equal(("abandoned", "cancelled", 2), (recorded["status"]!.GetValue<string>(), recorded["abandonReason"]!.GetValue<string>(),
            recorded["evaluations"]!.GetValue<int>()));
        var trials = (await Host.Get($"/api/searches/{recorded["searchId"]}/trials", key: Keys.Service))!.AsArray();
        Assert.Equal([1, 2], trials.Select(t => t!["number"]!.GetValue<int>()));
    }

    private sealed class StopAfter(int trials, CancellationTokenSource stop) : ISearchObserver
    {
        public ValueTask TrialAsync(SearchTrialRecorded trial, SearchProgress progress, CancellationToken ct)
        {
            if (trial.Number == trials)
                stop.Cancel();
            return ValueTask.CompletedTask;
        }
    }
}
