using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;
using static SelfLearn.Api.Tests.Teacher.Online.LiveRuns;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>docs/ONLINE.md: live runs, their feedback and the judge's sample are folded into windows once, as they arrive.</summary>
public sealed class OnlineWindowFoldTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Windows_fold_batch_by_batch_and_equal_a_full_recomputation_while_offline_runs_are_left_out()
    {
        // Interleaved batches: runs i and i + 4 share a row (version, experiment and 60 s window), so rows grow across batches.
        await Host.StoreAsync([.. Enumerable.Range(0, 40).Where(i => i % 8 < 4).Select(i => Run(i)), Run(100, "offline", 99), Run(101, "offline", 99)]);
        var first = await Host.AssertWindowsEqualRecomputationAsync();
        await Host.StoreAsync(Enumerable.Range(0, 40).Where(i => i % 8 >= 4).Select(i => Run(i)));
        await Host.Ask("alice", "Where did I move the plants?");
        await Host.Ask("bob", "What did I say?");
        await Host.Services.GetRequiredService<TelemetryWriter>().FlushAsync();
        var second = await Host.AssertWindowsEqualRecomputationAsync();
        await Host.StoreAsync(Enumerable.Range(40, 20).Select(i => Run(i)));
        var third = await Host.AssertWindowsEqualRecomputationAsync();

        Assert.Contains(first.Keys, row => second[row].N > first[row].N);
        Assert.True(third.Count > second.Count);
        Assert.DoesNotContain(third.Keys, row => row.Version == 99);
        Assert.Equal(OnlineMetrics.OfRun.Select(m => m.Name).Order(), third.Keys.Select(row => row.Metric).Where(m => !OnlineMetrics.OfJudge.Any(j => j.Name == m)).Distinct().Order());
        // Two live queries through the MaaS: one each, outside any experiment, in the current window.
        Assert.Equal(2, third.Where(row => row.Key.Metric == "error.rate" && row.Key.Experiment == "" && row.Key.WindowStart > Start.AddDays(1)).Sum(row => row.Value.N));
    }

    [Fact]
    public async Task Feedback_is_folded_once_into_the_rated_runs_window_version_and_variant()
    {
        await Host.StoreAsync([.. Enumerable.Range(0, 10).Select(i => Run(i)), Run(100, "offline", 99)]);
        await Rate(2, new { thumbs = "down" });
        await Rate(4, new { stars = 4 });
        await Rate(5, new { stars = 2 });
        await Rate(100, new { thumbs = "up" });
        var before = await Host.AssertWindowsEqualRecomputationAsync();

        await Host.Post("/maas/v1/feedback", new { runId = Id(2), userId = "alice", rating = new { thumbs = "up" } }, 409, Keys.Service);

        var after = await Host.AssertWindowsEqualRecomputationAsync();
        Assert.Equal(before, after);
        // Run i is written at Start + 4 i s (all three in the first window), with version 1 + i % 2 and (i % 4) 1 → exp-live/a, 2 → exp-live/b, else none.
        Assert.Equal(
            [
                (new Row("default", 1, "", "", Start, "feedback.negative_rate"), new Sums(1, 0, 0)),
                (new Row("default", 1, "", "", Start, "feedback.rating"), new Sums(1, 4, 16)),
                (new Row("default", 1, "exp-live", "b", Start, "feedback.negative_rate"), new Sums(1, 1, 1)),
                (new Row("default", 1, "exp-live", "b", Start, "feedback.rating"), new Sums(1, 1, 1)),
                (new Row("default", 2, "exp-live", "a", Start, "feedback.negative_rate"), new Sums(1, 1, 1)),
                (new Row("default", 2, "exp-live", "a", Start, "feedback.rating"), new Sums(1, 2, 4)),
            ],
            after.Where(row => row.Key.Metric.StartsWith("feedback.", StringComparison.Ordinal))
                .Select(row => (row.Key, row.Value)).OrderBy(row => row.Key.Version).ThenBy(row => row.Key.Experiment).ThenBy(row => row.Key.Metric));
    }

    [Fact]
    public async Task The_judge_grades_exactly_the_seeded_sample_and_a_second_pass_adds_nothing()
    {
        var runs = Enumerable.Range(0, 60).Select(i => Run(i)).Append(Run(100, "offline", 99)).ToList();
        await Host.StoreAsync(runs);
        var options = Host.Options();
        var expected = runs.Where(r => r.CycleType == "online" && r.Answer is not null && Sampled(r.RunId, options)).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < runs.Count(r => r.Answer is not null), "the sample is a part of the answered runs");

        var judging = Host.Services.GetRequiredService<JudgeOnlineSample>();
        await judging.RunAsync(CancellationToken.None);
        var judged = await Host.AssertWindowsEqualRecomputationAsync();

        Assert.Equal(expected.Select(r => r.RunId).Order(), await SampleAsync(judgedOnly: false));
        Assert.Equal(expected.Select(r => r.RunId).Order(), await SampleAsync(judgedOnly: true));
        Assert.Equal(expected.Count(r => r.RetrievedIds.Length > 0),
            judged.Where(row => row.Key.Metric == "context.utilization").Sum(row => row.Value.N));

        Assert.Equal(0, await judging.RunAsync(CancellationToken.None));
        Assert.Equal(judged, await Host.AssertWindowsEqualRecomputationAsync());
    }

    private Task Rate(int run, object rating) =>
        Host.Post("/maas/v1/feedback", new { runId = Id(run), userId = "alice", rating }, 201, Keys.Service);

    private async Task<List<Guid>> SampleAsync(bool judgedOnly)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"SELECT run_id FROM {OnlineFold.Sample} WHERE NOT $1 OR judged_at IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = judgedOnly });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return [.. ids.Order()];
    }
}
