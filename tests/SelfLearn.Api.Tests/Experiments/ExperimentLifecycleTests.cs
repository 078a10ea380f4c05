using System.Net;
using System.Net.Http.Json;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>designed → started → stopped | completed | aborted, as events on the experiment's stream; a wrong step is a 409 that appends nothing.</summary>
public sealed class ExperimentLifecycleTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task An_experiment_starts_and_stops_and_records_each_step_with_its_time_and_caller()
    {
        await Host.Design("exp-life", "");

        var started = await Host.Transition("exp-life", "start");
        Assert.Equal(("started", 2), (started!["status"]!.GetValue<string>(), started["version"]!.GetValue<int>()));
        Assert.NotNull(started["startedAt"]);
        var stopped = await Host.Transition("exp-life", "stop", body: new { reason = "guard breached", expectedVersion = 2 });

        Assert.Equal("stopped", stopped!["status"]!.GetValue<string>());
        Assert.Equal(["designed", "started", "stopped"], stopped["transitions"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()));
        Assert.Equal("guard breached", stopped["transitions"]![2]!["reason"]!.GetValue<string>());
        Assert.StartsWith("meta-user#", stopped["transitions"]![2]!["by"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(stopped["endedAt"]!.GetValue<DateTimeOffset>(), stopped["transitions"]![2]!["at"]!.GetValue<DateTimeOffset>());
        var events = await Host.Sql<long>("select count(*) from selflearn.mt_events where stream_id = 'exp:exp-life'");
        Assert.Equal(3L, events);
    }

    [Theory]
    [InlineData("stop", "start", "experiment 'exp-done' is stopped; only a designed experiment can be started. Nothing was appended.")]
    [InlineData("complete", "start", "experiment 'exp-done' is completed; only a designed experiment can be started. Nothing was appended.")]
    [InlineData("abort", "start", "experiment 'exp-done' is aborted; only a designed experiment can be started. Nothing was appended.")]
    [InlineData("complete", "stop", "experiment 'exp-done' is completed; only a started experiment can be stopped. Nothing was appended.")]
    [InlineData("stop", "abort", "experiment 'exp-done' is stopped; only a designed or a started experiment can be aborted. Nothing was appended.")]
    public async Task A_finished_experiment_refuses_another_step_with_a_409_and_appends_nothing(string finish, string then, string message)
    {
        await Host.Design("exp-done", "");
        await Host.Transition("exp-done", "start");
        await Host.Transition("exp-done", finish);

        var problem = await Host.RefusedPost($"/api/experiments/exp-done/{then}", """{"reason":"again"}""", 409);

        Assert.Equal(message, problem.Detail());
    }

    [Fact]
    public async Task A_designed_experiment_cannot_stop_or_complete_but_can_be_aborted()
    {
        await Host.Design("exp-new", "");
        await Host.RefusedPost("/api/experiments/exp-new/stop", "{}", 409);
        await Host.RefusedPost("/api/experiments/exp-new/complete", "{}", 409);
        Assert.Equal("aborted", (await Host.Transition("exp-new", "abort"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_experiment_is_a_404_and_a_stale_expected_version_a_409()
    {
        Assert.Equal("no experiment 'nowhere'.", (await Host.RefusedPost("/api/experiments/nowhere/start", "{}", 404)).Detail());
        await Host.Design("exp-stale", "");
        await Host.RefusedPost("/api/experiments/exp-stale/start", """{"expectedVersion":3}""", 409);
        await Host.RefusedPost("/api/experiments/exp-stale/start", $$"""{"reason":"{{new string('r', 2001)}}"}""", 400);
    }

    [Fact]
    public async Task Of_racing_starts_exactly_one_wins_and_one_event_is_appended()
    {
        await Host.Design("exp-race", "");
        var before = await Host.EventCount();
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        using var barrier = new Barrier(6);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            barrier.SignalAndWait(TestContext.Current.CancellationToken);
            return await client.PostAsJsonAsync("/api/experiments/exp-race/start", new { reason = $"racer {i}" });
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(before + 1, await Host.EventCount());
    }

    [Fact]
    public async Task The_list_filters_by_status_newest_first_and_refuses_an_unknown_status()
    {
        await Host.Design("exp-one", "");
        await Host.Design("exp-two", "");
        await Host.Design("exp-three", "");
        await Host.Transition("exp-one", "start");
        await Host.Transition("exp-three", "start");

        var started = await Host.Get("/api/experiments?status=started", key: Keys.Service);
        Assert.Equal(["exp-three", "exp-one"], started!.AsArray().Select(e => e!["experimentId"]!.GetValue<string>()));
        Assert.Equal(["exp-two"], (await Host.Get("/api/experiments?status=designed"))!.AsArray().Select(e => e!["experimentId"]!.GetValue<string>()));
        Assert.Equal(3, (await Host.Get("/api/experiments"))!.AsArray().Count);
        Assert.Empty((await Host.Get("/api/experiments?status=aborted"))!.AsArray());

        var problem = await Host.Refused(HttpMethod.Get, "/api/experiments?status=running", null, 400);
        Assert.Equal("'status' is one of designed, started, stopped, completed, aborted, not 'running'.", problem.Detail());
    }
}
