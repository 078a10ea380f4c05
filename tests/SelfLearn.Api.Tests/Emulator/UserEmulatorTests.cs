using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Scenarios;
using Wolverine;

namespace SelfLearn.Api.Tests.Emulator;

/// <summary>The emulator against the reference MaaS over HTTP: paired threads, tags, and telemetry that matches the tallies.</summary>
public sealed class UserEmulatorTests(AppFixture fixture) : ApiTest(fixture)
{
    private static async Task<ScenarioSet> Library(int count) =>
        (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7, count, ct: TestContext.Current.CancellationToken)).Set;

    private async Task<SimulationPlan> PlanAsync(ScenarioSet set, string simulationId)
    {
        var topK = await Host.CreateAndActivate("retrieval.top_k", 3);
        await Host.Services.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(new SelfLearn.Agents.Tuner.RegisterExperiment("exp-sim", "default",
            [new ExperimentVariant("a", 1), new ExperimentVariant("b", topK)], AssignmentUnit.User, null, "test"));
        return SimulationPlan.Build(set, new SimulationSettings(simulationId, "default", "exp-sim", ["a", "b"]));
    }

    [Fact]
    public async Task Paired_run_sends_identical_threads_to_each_variant_and_leaves_one_pipeline_run_per_question()
    {
        var set = await Library(3);
        var plan = await PlanAsync(set, "s-paired");
        var (maas, recorder) = RecordingMaas.Over(Host);

        var result = await new UserEmulator(maas).RunAsync(plan, 4, null, TestContext.Current.CancellationToken);

        Assert.False(result.Stopped);
        Assert.Empty(result.Errors);
        Assert.Equal(recorder.Normalized("a"), recorder.Normalized("b"));
        Assert.Equal(plan.Requests, recorder.Sent.Count);
        var asked = set.Scenarios.Sum(s => s.Questions.Sum(q => 1 + q.FollowUps.Count));
        foreach (var tally in result.Tallies)
        {
            Assert.Equal(set.Scenarios.Count, tally.Scenarios);
            Assert.Equal(asked, tally.Questions + tally.FollowUps);
            Assert.Equal(asked, tally.PipelineRuns);
            Assert.Equal(set.Scenarios.Sum(s => s.Sessions.Sum(x => x.Turns.Count)), tally.Memories);
            Assert.Equal(asked, await Host.Sql<long>(
                $"select count(*) from selflearn.pipeline_runs where simulation_id = 's-paired' and variant = '{tally.Variant}' " +
                "and experiment_id = 'exp-sim' and cycle_type = 'offline' and example_id is not null"));
            Assert.Equal(set.Scenarios.Sum(s => s.Sessions.Count), await Host.Sql<long>(
                $"select count(*) from selflearn.telemetry_events where simulation_id = 's-paired' and variant = '{tally.Variant}' and name = 'ingest.items'"));
        }
        var firstQuestion = set.Scenarios[0].Questions[0];
        Assert.Equal(2L, await Host.Sql<long>(
            $"select count(distinct config_version) from selflearn.pipeline_runs where example_id = '{SimulationPlan.ExampleId(set.Scenarios[0].Id, firstQuestion.Id)}'"));
    }

    [Fact]
    public async Task A_stopped_run_sends_nothing_more_and_its_telemetry_matches_the_tallies()
    {
        var plan = await PlanAsync(await Library(4), "s-stopped");
        var (maas, recorder) = RecordingMaas.Over(Host);
        using var stop = new CancellationTokenSource();
        var sent = 0;
        var progress = new SyncProgress(p => { if (Interlocked.Add(ref sent, p.Requests) >= 25) stop.Cancel(); });

        var result = await new UserEmulator(maas).RunAsync(plan, 2, progress, stop.Token);

        Assert.True(result.Stopped);
        Assert.InRange(recorder.Sent.Count, 25, plan.Requests - 1);
        Assert.Equal(recorder.Sent.Count, result.Tallies.Sum(t => t.Requests));
        foreach (var tally in result.Tallies)
            Assert.Equal(tally.PipelineRuns, await Host.Sql<long>(
                $"select count(*) from selflearn.pipeline_runs where simulation_id = 's-stopped' and variant = '{tally.Variant}'"));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(recorder.Sent.Count, result.Tallies.Sum(t => t.Requests));
    }

    [Fact]
    public async Task A_refused_api_key_ends_the_run_at_once()
    {
        var plan = await PlanAsync(await Library(3), "s-refused");
        var (maas, recorder) = RecordingMaas.Over(Host, "not-a-key");

        var error = await Assert.ThrowsAsync<MaasException>(() => new UserEmulator(maas).RunAsync(plan, 2, null, TestContext.Current.CancellationToken));

        Assert.Equal(401, error.Status);
        Assert.InRange(recorder.Sent.Count, 1, 2);
    }

    private sealed class SyncProgress(Action<EmulatorProgress> report) : IProgress<EmulatorProgress>
    {
        public void Report(EmulatorProgress value) => report(value);
    }
}
