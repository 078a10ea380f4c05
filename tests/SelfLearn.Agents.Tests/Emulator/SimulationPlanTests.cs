using System.Text.Json;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator;

public sealed class SimulationPlanTests
{
    private static readonly SimulationSettings Settings = new("s-test", "sim", "exp-1", ["a", "b"]);

    private static async Task<ScenarioSet> Library() =>
        (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 42, 6, ct: TestContext.Current.CancellationToken)).Set;

    private static string Normalized(ScenarioRun run) =>
        JsonSerializer.Serialize(run.Threads).Replace(run.UserId, "*", StringComparison.Ordinal).Replace($"\"Variant\":\"{run.Variant}\"", "\"Variant\":\"*\"", StringComparison.Ordinal);

    [Fact]
    public async Task Every_variant_gets_the_same_threads_under_a_user_of_its_own()
    {
        var plan = SimulationPlan.Build(await Library(), Settings);

        foreach (var scenario in plan.Runs.GroupBy(r => r.ScenarioId))
        {
            var runs = scenario.ToList();
            Assert.Equal(["a", "b"], runs.Select(r => r.Variant));
            Assert.Equal(Normalized(runs[0]), Normalized(runs[1]));
            Assert.NotEqual(runs[0].UserId, runs[1].UserId);
            Assert.All(runs, r => Assert.All(r.Threads, t => Assert.True(
                (t.Ingest is null || (t.Ingest.Variant == r.Variant && t.Ingest.UserId == r.UserId && t.Ingest.ExperimentId == "exp-1"))
                && t.Queries.All(q => q.Variant == r.Variant && q.UserId == r.UserId && q.SimulationId == "s-test" && q.CycleType == "offline"))));
        }
    }

    [Fact]
    public async Task Sessions_are_sent_in_date_order_before_the_questions_and_follow_ups_share_the_question_thread()
    {
        var set = await Library();
        var plan = SimulationPlan.Build(set, Settings);

        foreach (var run in plan.Runs)
        {
            var scenario = set.Scenarios.Single(s => s.Id == run.ScenarioId);
            var sessions = run.Threads.TakeWhile(t => t.Kind == PlannedThread.Session).ToList();
            Assert.Equal(scenario.Sessions.Select(s => s.Id), sessions.Select(t => t.ThreadId));
            Assert.Equal(scenario.Sessions.SelectMany(s => s.Turns.Select(t => t.Id)), sessions.SelectMany(t => t.Ingest!.Items!.Select(i => i.SourceId)));
            var questions = run.Threads.Skip(sessions.Count).ToList();
            Assert.All(questions, t => Assert.Equal(PlannedThread.Question, t.Kind));
            Assert.Equal(scenario.Questions.Count, questions.Count);
            foreach (var question in scenario.Questions)
            {
                var thread = questions.Single(t => t.Queries[0].ExampleId == SimulationPlan.ExampleId(scenario.Id, question.Id));
                Assert.Equal([question.Text, .. question.FollowUps.Select(f => f.Text)], thread.Queries.Select(q => q.Question));
                Assert.All(thread.Queries, q => Assert.Equal(thread.ThreadId, q.ThreadId));
                Assert.True(DateTimeOffset.Parse(thread.Queries[0].AsOf!, System.Globalization.CultureInfo.InvariantCulture) >= scenario.Sessions[^1].Date);
            }
        }
    }

    [Fact]
    public async Task The_same_set_and_settings_give_the_same_plan()
    {
        var first = JsonSerializer.Serialize(SimulationPlan.Build(await Library(), Settings));
        var second = JsonSerializer.Serialize(SimulationPlan.Build(await Library(), Settings));
        Assert.Equal(first, second);
    }
}
