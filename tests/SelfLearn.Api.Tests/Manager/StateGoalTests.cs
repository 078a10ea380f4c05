using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>POST /api/goals: words or JSON in, the formal goal shown back as "stated"; anything it cannot use is a 400 that appends nothing.</summary>
public sealed class StateGoalTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_goal_in_Russian_is_formalised_and_shown_back_as_stated()
    {
        var goal = await Host.StateGoal("fewer-hallucinations", GoalRequests.Seed);

        Assert.Equal(("stated", "ru", "offline", GoalRequests.Seed, 50, 1),
            (goal.Text("status"), goal.Text("language"), goal.Text("source"), goal.Text("text"), goal!["priority"]!.GetValue<int>(), goal["version"]!.GetValue<int>()));
        var formal = goal["formal"]!;
        Assert.Equal("default", formal.Text("deployment"));
        Assert.Equal("""[{"metric":"answer.hallucination_rate","direction":"lower","target":0.03,"segment":null}]""", formal["primary"]!.ToJsonString());
        Assert.Equal(
            """[{"metric":"retrieval.recall@10","direction":"higher","maxRelativeDegradation":0.02,"maxAbsoluteDegradation":null,"bound":null},""" +
            """{"metric":"cost.usd","direction":"lower","maxRelativeDegradation":0,"maxAbsoluteDegradation":null,"bound":null}]""",
            formal["guards"]!.ToJsonString());
        Assert.Equal("""{"experiments":5,"simulatedDialogs":1000,"wallTimeMinutes":120}""", formal["budget"]!.ToJsonString());
        Assert.StartsWith("meta-user#", goal.Text("statedBy"), StringComparison.Ordinal);
        Assert.Equal(1L, await Host.Sql<long>("select count(*) from selflearn.mt_events where stream_id = 'goal:fewer-hallucinations'"));
    }

    [Fact]
    public async Task A_goal_without_an_id_gets_one_and_is_found_by_it()
    {
        var goal = await Host.Post("/api/goals", new { text = "raise recall@10 on preference questions above 0.7 while p95 latency stays under 300 ms" }, 201);

        var id = goal.Text("goalId");
        Assert.True(Guid.TryParse(id, out _));
        var read = await Host.Get($"/api/goals/{id}");
        Assert.Equal(("en", "kind:preference"), (read.Text("language"), read!["formal"]!["primary"]![0]!.Text("segment")));
        Assert.Equal(300, read["formal"]!["guards"]![0]!["bound"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_formal_goal_as_JSON_is_accepted_with_its_defaults_filled_in()
    {
        var goal = await Host.PostRaw("/api/goals",
            """{"id":"json-goal","goal":{"primary":[{"metric":"retrieval.mrr","target":0.5,"segment":"kind:temporal"}],"allowedFactors":["retrieval.top_k"],"budget":{"experiments":2}},"priority":3}""",
            201);

        Assert.Equal(("json", "en", 3), (goal.Text("source"), goal.Text("language"), goal!["priority"]!.GetValue<int>()));
        Assert.Null(goal["text"]);
        Assert.Equal("""{"metric":"retrieval.mrr","direction":"higher","target":0.5,"segment":"kind:temporal"}""", goal["formal"]!["primary"]![0]!.ToJsonString());
        Assert.Equal("""{"experiments":2,"simulatedDialogs":1000,"wallTimeMinutes":120}""", goal["formal"]!["budget"]!.ToJsonString());
        Assert.Equal("""["retrieval.top_k"]""", goal["formal"]!["allowedFactors"]!.ToJsonString());
    }

    [Fact]
    public async Task Words_that_cannot_be_placed_are_named_and_nothing_is_appended()
    {
        var problem = await Host.RefusedPost("/api/goals", """{"text":"Сократить галлюцинации ниже 3% и осчастливить пользователей"}""", 400);

        Assert.Equal("could not place: 'осчастливить', 'пользователей' (docs/GOALS.md lists the phrases the Manager understands).", problem.Detail());
        Assert.Equal("text", problem["violations"]![0]!.Text("key"));
    }

    [Theory]
    [InlineData("""{"goal":{"primary":[{"metric":"answer.happiness"}]}}""", "unknown metric 'answer.happiness' (docs/METRICS.md lists the metrics).")]
    [InlineData("""{"text":"reduce retrieval.wobble below 3%"}""", "unknown metric 'retrieval.wobble' (docs/METRICS.md lists the metrics).")]
    [InlineData("""{"text":"raise recall, only change generation.model"}""", "factor 'generation.model' is frozen: no goal may change it.")]
    [InlineData("""{"goal":{"primary":[{"metric":"retrieval.mrr"}],"allowedFactors":["retrieval.wobble"]}}""",
        "unknown factor 'retrieval.wobble' (GET /api/impact-factors lists the catalog).")]
    [InlineData("""{"goal":{"deployment":"nowhere","primary":[{"metric":"retrieval.mrr"}]}}""", "no deployment 'nowhere' (GET /api/deployments lists them).")]
    [InlineData("""{"goal":{"primary":[{"metric":"answer.correctness","target":70}]}}""",
        "'answer.correctness' is a ratio from 0 to 1 (3 % is 0.03), not 70.")]
    [InlineData("""{"goal":{"primary":[{"metric":"retrieval.mrr"}],"budget":{"experiments":0}}}""", "a goal's budget is 1 to 100 experiments, not 0.")]
    [InlineData("""{"text":"raise recall","priority":0}""", "a priority is 1 (first) to 100, not 0.")]
    [InlineData("""{"text":"raise recall","goal":{"primary":[{"metric":"retrieval.mrr"}]}}""",
        "Send the goal either in words ('text') or as a formal goal ('goal'), not both and not neither.")]
    [InlineData("""{"id":"Not An Id","text":"raise recall"}""", "a goal id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.")]
    public async Task A_goal_the_rules_refuse_is_a_400_naming_the_rule_and_appends_nothing(string body, string detail)
    {
        var problem = await Host.RefusedPost("/api/goals", body, 400);

        Assert.Equal(detail, problem.Detail());
    }

    [Fact]
    public async Task An_auditor_may_read_goals_but_not_state_one_and_a_refused_write_appends_nothing()
    {
        await Host.RefusedPost("/api/goals", """{"text":"raise recall"}""", 403, Keys.Auditor);
        await Host.StateGoal("audited", "raise recall");

        await Host.RefusedPost("/api/goals/audited/confirm", "{}", 403, Keys.Auditor);
        await Host.RefusedPost("/api/goals/audited/abandon", """{"reason":"no"}""", 403, Keys.Service);
        Assert.Equal("stated", (await Host.Get("/api/goals/audited", key: Keys.Auditor)).Text("status"));
    }

    [Fact]
    public async Task The_same_id_twice_is_a_409()
    {
        await Host.StateGoal("twice", "raise recall");

        var problem = await Host.RefusedPost("/api/goals", """{"id":"twice","text":"raise mrr"}""", 409);

        Assert.Equal("goal 'twice' already exists.", problem.Detail());
    }
}
