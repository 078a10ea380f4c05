using System.Text;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>
/// Every Manager write route, sent what it cannot use, answers the documented 4xx ProblemDetails whose detail names the
/// problem in JSON words, and appends nothing (<see cref="EdgeRequests.Refused"/> checks the media type, the status, that
/// no .NET type is named and that the event count is unchanged). The ids in the routes exist, so a body that got through
/// would be written. Rules the deciders own (unknown metric or factor, a wider policy, approval states) are in
/// StateGoalTests, GoalLifecycleTests, AutonomyRouteTests, ApprovalRouteTests and ApprovalCycleTests.
/// </summary>
public sealed class ManagerBadInputTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Goal = "g1";
    private const string Approval = "appr-1";
    private const string ValidGoal = """{"primary":[{"metric":"retrieval.mrr"}]}""";
    private static readonly string WholeNumber = $"must be a whole number from {int.MinValue} to {int.MaxValue}.";
    private static readonly string WholeLong = $"must be a whole number from {long.MinValue} to {long.MaxValue}.";

    public static TheoryData<string, string> BodyRoutes =>
    [
        ("POST", "/api/goals"),
        ("PUT", $"/api/goals/{Goal}"),
        ("POST", $"/api/goals/{Goal}/confirm"),
        ("POST", $"/api/goals/{Goal}/priority"),
        ("POST", $"/api/goals/{Goal}/abandon"),
        ("POST", "/api/cycles"),
        ("POST", "/api/approvals"),
        ("POST", $"/api/approvals/{Approval}/approve"),
        ("POST", $"/api/approvals/{Approval}/decline"),
        ("PUT", "/api/deployments/default/autonomy"),
        ("POST", "/api/deployments/default/autonomy/check"),
    ];

    public static TheoryData<string> ControlRoutes => ["/api/cycles/cyc-1/pause", "/api/cycles/cyc-1/resume", "/api/cycles/cyc-1/stop"];

    /// <summary>One route at a time, every malformed body in turn: the route's goal and approval exist throughout, so a body that got through would write.</summary>
    [Theory]
    [MemberData(nameof(BodyRoutes))]
    public async Task A_null_empty_non_JSON_NUL_holding_overlong_or_oversized_body_is_refused(string method, string url)
    {
        await GivenAGoalAndAnApproval();
        var verb = new HttpMethod(method);

        Assert.Equal("The body must be a JSON object.", (await Host.Refused(verb, url, EdgeRequests.Json("null"), 400)).Detail());
        Assert.Equal("This route needs a JSON object as its body.", (await Host.Refused(verb, url, EdgeRequests.Json(""), 400)).Detail());
        Assert.Equal("Send the body as JSON (Content-Type: application/json).",
            (await Host.Refused(verb, url, new StringContent("reason=ship+it", Encoding.UTF8, "text/plain"), 415)).Detail());
        var nul = await Host.Refused(verb, url, EdgeRequests.Json("""{"reason":"ship\u0000it","text":"raise recall"}"""), 400);
        Assert.Equal(("'$.reason' contains U+0000 (NUL), which cannot be stored.", "$.reason"), (nul.Detail(), nul["path"]!.GetValue<string>()));
        Assert.Equal("'$.reason' is longer than 8000 characters.",
            (await Host.Refused(verb, url, EdgeRequests.Json($$"""{"reason":"{{new string('r', 8001)}}"}"""), 400)).Detail());
        var padded = $$"""{"reason":"r","padding":[{{string.Join(",", Enumerable.Repeat("1", 600_000))}}]}""";
        Assert.Equal("This route takes a body of at most 1,048,576 bytes.", (await Host.Refused(verb, url, EdgeRequests.Json(padded), 413)).Detail());
    }

    [Theory]
    [MemberData(nameof(ControlRoutes))]
    public async Task A_cycle_control_takes_no_body(string url)
    {
        Assert.Equal("This route takes no request body.", (await Host.Refused(HttpMethod.Post, url, EdgeRequests.Json("null"), 400)).Detail());
        Assert.Equal("This route takes no request body.", (await Host.Refused(HttpMethod.Post, url, EdgeRequests.Json("""{"reason":"r"}"""), 400)).Detail());
        Assert.Equal("Send the body as JSON (Content-Type: application/json).",
            (await Host.Refused(HttpMethod.Post, url, new StringContent("now", Encoding.UTF8, "text/plain"), 415)).Detail());
    }

    /// <summary>Wrong JSON types (a number where a string or an enum belongs, a string where a number does), unknown enum names, and the lengths and counts the Manager caps.</summary>
    public static TheoryData<string, string, string, string> WrongValues => new()
    {
        { "POST", "/api/goals", """{"text":5}""", "'$.text' must be a string." },
        { "POST", "/api/goals", """{"text":"raise recall","priority":"5"}""", $"'$.priority' {WholeNumber}" },
        { "POST", "/api/goals", """{"goal":{"primary":[{"metric":"retrieval.mrr","direction":"sideways"}]}}""", "'$.goal.primary[0].direction' must be one of: higher, lower." },
        { "POST", "/api/goals", """{"goal":{"primary":[{"metric":"retrieval.mrr","direction":1}]}}""", "'$.goal.primary[0].direction' must be one of: higher, lower." },
        { "POST", "/api/goals", """{"goal":{"primary":[{"metric":"retrieval.mrr"}],"language":"fr"}}""", "'$.goal.language' must be one of: en, ru." },
        { "POST", "/api/goals", """{"goal":{"primary":[{"metric":"retrieval.mrr","target":"0.5"}]}}""", "'$.goal.primary[0].target' must be a finite number." },
        { "POST", "/api/goals", $$"""{"text":"{{new string('t', 2001)}}"}""", "'text' is longer than 2000 characters." },
        { "POST", "/api/goals", """{"goal":{"primary":[{"metric":"retrieval.mrr"}],"allowedFactors":[""" + Repeat("\"retrieval.top_k\"", 51) + "]}}",
            "a goal allows at most 50 factors, not 51." },
        { "POST", "/api/goals", """{"goal":{"primary":[{"metric":"retrieval.mrr"}],"allowedFactors":[null]}}""", "'allowedFactors[0]' names a factor of the catalog, not null." },
        { "PUT", $"/api/goals/{Goal}", $$"""{"goal":{{ValidGoal}},"reason":5}""", "'$.reason' must be a string." },
        { "PUT", $"/api/goals/{Goal}", $$"""{"goal":{{ValidGoal}},"expectedVersion":"1"}""", $"'$.expectedVersion' {WholeLong}" },
        { "PUT", $"/api/goals/{Goal}", $$"""{"goal":{{ValidGoal}},"reason":"{{new string('r', 2001)}}"}""", "'reason' is longer than 2000 characters." },
        { "PUT", $"/api/goals/{Goal}", """{"goal":"raise recall"}""", "'$.goal' must be an object." },
        { "POST", $"/api/goals/{Goal}/confirm", """{"expectedVersion":"1"}""", $"'$.expectedVersion' {WholeLong}" },
        { "POST", $"/api/goals/{Goal}/confirm", """{"expectedVersion":1.5}""", $"'$.expectedVersion' {WholeLong}" },
        { "POST", $"/api/goals/{Goal}/priority", """{"priority":"5"}""", $"'$.priority' {WholeNumber}" },
        { "POST", $"/api/goals/{Goal}/priority", """{"priority":0}""", "a priority is 1 (first) to 100, not 0." },
        { "POST", $"/api/goals/{Goal}/priority", "{}", "'priority' is required: 1 (first) to 100." },
        { "POST", $"/api/goals/{Goal}/abandon", """{"reason":5}""", "'$.reason' must be a string." },
        { "POST", $"/api/goals/{Goal}/abandon", $$"""{"reason":"{{new string('r', 2001)}}"}""", "'reason' is longer than 2000 characters." },
        { "POST", "/api/cycles", "{}", "'goalId' is required: the id of a confirmed goal (POST /api/goals)." },
        { "POST", "/api/cycles", """{"goalId":5}""", "'$.goalId' must be a string." },
        { "POST", "/api/cycles", $$"""{"goalId":"{{Goal}}","continuous":"yes"}""", "'$.continuous' must be true or false." },
        { "POST", "/api/cycles", """{"goalId":"g","goal":{"primary":[{"metric":"retrieval.mrr","direction":"up"}]}}""", "'$.goal.primary[0].direction' must be one of: higher, lower." },
        { "POST", "/api/cycles", """{"goalId":"g","goal":{"primary":[{"metric":"retrieval.mrr","direction":"higher"}],"budget":{"experiments":1,"simulatedDialogs":1,"wallTimeMinutes":1},"allowedFactors":[""" + Repeat("\"retrieval.top_k\"", 51) + "]}}",
            "The cycle was not started: a goal has 1 to 10 primary metrics, at most 20 guards and at most 50 allowed factors." },
        { "POST", "/api/cycles", """{"goalId":"g","goal":{"primary":[null],"allowedFactors":[null],"budget":{"experiments":1,"simulatedDialogs":1,"wallTimeMinutes":1}}}""",
            "The cycle was not started: every primary metric names a metric of docs/METRICS.md; one names none. 'allowedFactors' holds null where a factor key belongs." },
        { "POST", "/api/approvals", """{"recommendationId":5,"reason":"r"}""", "'$.recommendationId' must be a string." },
        { "POST", "/api/approvals", $$"""{"recommendationId":"rec-1","reason":"{{new string('r', 2001)}}"}""", "'reason' is longer than 2000 characters." },
        { "POST", "/api/approvals", """{"recommendationId":"rec-1","reason":"r","id":"Not An Id"}""", "an id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit." },
        { "POST", $"/api/approvals/{Approval}/approve", """{"reason":5}""", "'$.reason' must be a string." },
        { "POST", $"/api/approvals/{Approval}/approve", """{"reason":" "}""", "'reason' is required." },
        { "POST", $"/api/approvals/{Approval}/decline", $$"""{"reason":"{{new string('r', 2001)}}"}""", "'reason' is longer than 2000 characters." },
        { "PUT", "/api/deployments/default/autonomy", """{"autonomous":"retrieval.top_k","reason":"r"}""", "'$.autonomous' must be an array." },
        { "PUT", "/api/deployments/default/autonomy", """{"autonomous":[{"key":"retrieval.top_k","max":"10"}],"reason":"r"}""", "'$.autonomous[0].max' must be a number within ±79228162514264337593543950335." },
        { "PUT", "/api/deployments/default/autonomy", """{"autonomous":[],"activations":{"max":"3","periodHours":24},"reason":"r"}""", $"'$.activations.max' {WholeNumber}" },
        { "PUT", "/api/deployments/default/autonomy", """{"autonomous":[],"reason":"r","expectedVersion":"0"}""", $"'$.expectedVersion' {WholeLong}" },
        { "PUT", "/api/deployments/default/autonomy", $$"""{"autonomous":[{{Repeat("{\"key\":\"retrieval.top_k\"}", 101)}}],"reason":"r"}""",
            "'autonomous' and 'alwaysApprove' list at most 100 factors each." },
        { "PUT", "/api/deployments/default/autonomy", $$"""{"autonomous":[],"alwaysApprove":[{{Repeat("\"retrieval.rrf_k\"", 101)}}],"reason":"r"}""",
            "'autonomous' and 'alwaysApprove' list at most 100 factors each." },
        { "PUT", "/api/deployments/default/autonomy", $$"""{"autonomous":[{"key":"retrieval.fusion","allowedValues":[{{Repeat("\"rrf\"", 101)}}]}],"reason":"r"}""",
            "retrieval.fusion: 'allowedValues' names at most 100 values." },
        { "POST", "/api/deployments/default/autonomy/check", """{"changes":[1]}""", "'$.changes' must be an object." },
        { "POST", "/api/deployments/default/autonomy/check", "{}", "'changes' must name 1 to 20 factors, each with its new value." },
        { "POST", "/api/deployments/default/autonomy/check", "{\"changes\":{" + string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"f{i}\":1")) + "}}",
            "'changes' must name 1 to 20 factors, each with its new value." },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task A_wrong_type_an_unknown_enum_or_a_value_past_its_limit_is_a_400_naming_it(string method, string url, string body, string detail)
    {
        await GivenAGoalAndAnApproval();
        Assert.Equal(detail, (await Host.Refused(new HttpMethod(method), url, EdgeRequests.Json(body), 400)).Detail());
    }

    public static TheoryData<string, string, string, string> UnknownIds => new()
    {
        { "PUT", "/api/goals/none", $$"""{"goal":{{ValidGoal}}}""", "no goal 'none'." },
        { "POST", "/api/goals/none/confirm", "{}", "no goal 'none'." },
        { "POST", "/api/goals/none/priority", """{"priority":3}""", "no goal 'none'." },
        { "POST", "/api/goals/none/abandon", """{"reason":"r"}""", "no goal 'none'." },
        { "POST", "/api/cycles", """{"goalId":"none"}""", "no goal 'none'." },
        { "POST", "/api/cycles/none/pause", "", "no cycle 'none'." },
        { "POST", "/api/cycles/none/resume", "", "no cycle 'none'." },
        { "POST", "/api/cycles/none/stop", "", "no cycle 'none'." },
        { "POST", "/api/approvals/appr-none/approve", """{"reason":"r"}""", "no approval 'appr-none'." },
        { "POST", "/api/approvals/appr-none/decline", """{"reason":"r"}""", "no approval 'appr-none'." },
        { "PUT", "/api/deployments/nowhere/autonomy", """{"autonomous":[],"reason":"r"}""", "no deployment 'nowhere'." },
        { "POST", "/api/deployments/nowhere/autonomy/check", """{"changes":{"retrieval.top_k":5}}""", "no deployment 'nowhere'." },
    };

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task An_unknown_id_is_a_404_naming_it(string method, string url, string body, string detail)
    {
        await GivenAGoalAndAnApproval();
        Assert.Equal(detail, (await Host.Refused(new HttpMethod(method), url, body.Length == 0 ? null : EdgeRequests.Json(body), 404)).Detail());
    }

    [Theory]
    [InlineData("/api/goals?status=done", "'status' is one of stated, confirmed, active, achieved, abandoned, not 'done'.")]
    [InlineData("/api/goals?limit=0", "'limit' must be between 1 and 1000.")]
    [InlineData("/api/goals?limit=ten", "query parameter 'limit' must be a whole number from -2147483648 to 2147483647.")]
    [InlineData("/api/journal?from=1.5", "query parameter 'from' must be a whole number from -9223372036854775808 to 9223372036854775807.")]
    [InlineData("/api/cycles?status=done", "'status' is one of running, paused, awaiting-approval, completed, stopped, failed, not 'done'.")]
    [InlineData("/api/approvals?status=granted", "'status' is one of pending, approved, declined, used, not 'granted'.")]
    [InlineData("/api/journal?from=-1", "'from' is a global event sequence: 0 or more.")]
    [InlineData("/api/journal?limit=1001", "'limit' must be between 1 and 1000.")]
    [InlineData("/api/cycles/cyc-1/report?format=pdf", "'format' is json or markdown, not 'pdf'.")]
    public async Task A_bad_query_on_a_Manager_read_is_a_400(string url, string detail) =>
        Assert.Equal(detail, (await Host.Refused(HttpMethod.Get, url, null, 400, Keys.Auditor)).Detail());

    private async Task GivenAGoalAndAnApproval()
    {
        await Host.StateGoal(Goal, "raise recall");
        await Host.RecordRecommendation("rec-1", "generation.system_prompt_version", "answer-v1", "answer-v2");
        await Host.Post("/api/approvals", new { id = Approval, recommendationId = "rec-1", reason = "manual zone" }, 201);
    }

    private static string Repeat(string item, int count) => string.Join(",", Enumerable.Repeat(item, count));
}
