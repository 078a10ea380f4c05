using System.Security.Cryptography;
using System.Text;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Agents.Maas;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator;

public sealed class LivePlanTests
{
    private static readonly LiveSettings Settings = new("r1", "default", 7);

    private static async Task<ScenarioSet> Library() =>
        (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 42, 4, ct: TestContext.Current.CancellationToken)).Set;

    [Fact]
    public async Task Every_scenario_is_one_live_user_who_tells_its_sessions_and_asks_every_question_with_its_follow_ups_in_order()
    {
        var set = await Library();
        var plan = LivePlan.Build(set, Settings);

        Assert.Equal(set.Scenarios.Select(s => $"live.r1.{s.Id}").Order(StringComparer.Ordinal), plan.Users.Order(StringComparer.Ordinal));
        Assert.Equal(set.Scenarios.Sum(s => s.Sessions.Count), plan.Ingests.Count);
        Assert.All(plan.Ingests, i => Assert.True(i.CycleType == CycleTypes.Online && i.ExperimentId is null && i.SimulationId is null && i.DeploymentId == "default"));
        Assert.Equal(set.Scenarios.Sum(s => s.Questions.Sum(q => 1 + q.FollowUps.Count)), plan.Questions.Count);
        foreach (var scenario in set.Scenarios)
            foreach (var question in scenario.Questions)
            {
                var thread = plan.Questions.Where(q => q.ThreadId == $"ask-{scenario.Id}-{question.Id}").ToList();
                Assert.Equal([question.Text, .. question.FollowUps.Select(f => f.Text)], thread.Select(q => q.Text));
                var first = plan.Questions.ToList().IndexOf(thread[0]);
                Assert.Equal(thread, plan.Questions.Skip(first).Take(thread.Count));
            }
    }

    [Fact]
    public async Task Traffic_past_the_last_question_asks_them_again_in_new_threads_naming_no_experiment()
    {
        var plan = LivePlan.Build(await Library(), Settings);
        var n = plan.Questions.Count;

        var first = plan.Query(1);
        var again = plan.Query(n + 1);
        var third = plan.Query(2L * n + 1);

        Assert.Equal(first.Question, again.Question);
        Assert.Equal(first.UserId, again.UserId);
        Assert.Equal($"{first.ThreadId}-1", again.ThreadId);
        Assert.Equal($"{first.ThreadId}-2", third.ThreadId);
        Assert.True(first.ExperimentId is null && first.Variant is null && first.SimulationId is null && first.CycleType == CycleTypes.Online);
    }

    /// <summary>Pins the order across processes and runtimes: seeded System.Random and the seed-42 library.</summary>
    [Fact]
    public async Task The_question_order_is_a_function_of_the_seed()
    {
        var order = string.Join("\n", LivePlan.Build(await Library(), Settings).Questions.Select(q => $"{q.UserId}|{q.ThreadId}|{q.Text}"));

        Assert.Equal("74856918", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(order)))[..8]);
        Assert.NotEqual(order, string.Join("\n", LivePlan.Build(await Library(), Settings with { Seed = 8 }).Questions.Select(q => $"{q.UserId}|{q.ThreadId}|{q.Text}")));
    }

    [Theory]
    [InlineData("The meeting moved to Thursday at noon.", false, "the meeting is on Thursday at noon", false, "up")]
    [InlineData("The meeting moved to Thursday at noon.", false, "It is on Monday.", false, "down")]
    [InlineData("The meeting moved to Thursday at noon.", false, "I don't know.", true, "down")]
    [InlineData("You never told me.", true, "I don't know.", true, "up")]
    [InlineData("You never told me.", true, "It is on Monday.", false, "down")]
    public void A_user_rates_up_only_an_answer_that_names_half_the_right_words_or_rightly_abstains(
        string right, bool unanswerable, string answer, bool abstained, string thumbs)
    {
        var response = new QueryResponse(Guid.NewGuid(), answer, abstained, [], new TokenUsage(0, 0), new Dictionary<string, double>(), 1, null, null, CycleTypes.Online);

        Assert.Equal(thumbs, LiveRater.Rate(response, new GoldenAnswer(right, [], [], unanswerable)).Thumbs);
    }

    [Fact]
    public void Who_rates_is_the_seeded_hash_of_the_request_index_below_the_share()
    {
        for (var k = 0; k < 200; k++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"7\n{k}"));
            var position = (double)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) / Math.Pow(2, 64);
            Assert.Equal(position < 0.3, LiveRater.Rates(7, k, 0.3));
        }
        Assert.False(LiveRater.Rates(7, 3, 0));
        Assert.True(LiveRater.Rates(7, 3, 1));
    }
}
