using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>The live question mix against a golden dataset: counted per window from the stored live runs only.</summary>
public sealed class QuestionMixRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static double Js(double[] p, double[] q) =>
        Enumerable.Range(0, p.Length).Sum(i => Half(p[i], (p[i] + q[i]) / 2) + Half(q[i], (p[i] + q[i]) / 2));

    private static double Half(double x, double m) => x > 0 ? 0.5 * x * Math.Log2(x / m) : 0;

    [Fact]
    public async Task Live_questions_are_counted_by_kind_per_window_against_the_datasets_mix()
    {
        await RegisterDataset.RunAsync(Fixture.Store, HandMadeRuns.Dataset, "test", "test", TestContext.Current.CancellationToken);
        await Host.StoreAsync(
            Live(T0.AddSeconds(5), "When did I move?"),
            Live(T0.AddSeconds(30), "What's my current job?"),
            Live(T0.AddSeconds(65), "Where does my sister live?"),
            Live(T0.AddSeconds(70), "What's the weather?") with { CycleType = "offline" },
            Live(T0.AddSeconds(75), "Where is the key?") with { DeploymentId = "other" },
            Live(T0.AddSeconds(130), "When is lunch?"));

        var mix = await Host.Get($"/api/deployments/default/online/question-mix?dataset=handmade&from={Uri.EscapeDataString(T0.ToString("O"))}&to={Uri.EscapeDataString(T0.AddMinutes(2).ToString("O"))}");

        // the hand-made questions: "What did I say first?", "And then?", "What is my cat called?" (single-hop), "When was that?" (temporal), "What do I like?" (preference)
        Assert.Equal(5, mix!["goldenQuestions"]!.GetValue<long>());
        Assert.Equal(0.6, mix["golden"]!["single-hop"]!.GetValue<double>(), 12);
        var windows = mix["windows"]!.AsArray();
        Assert.Equal([T0, T0.AddMinutes(1)], windows.Select(w => w!["windowStart"]!.GetValue<DateTimeOffset>()));
        Assert.Equal([2L, 1L], windows.Select(w => w!["questions"]!.GetValue<long>()));
        Assert.Equal(1, windows[0]!["live"]!["temporal"]!.GetValue<long>());
        Assert.Equal(1, windows[0]!["live"]!["knowledge-update"]!.GetValue<long>());
        Assert.Equal(1, windows[1]!["live"]!["single-hop"]!.GetValue<long>());
        double[] golden = [0.6, 0.2, 0, 0.2];
        Assert.Equal(Js([0, 0.5, 0.5, 0], golden), windows[0]!["divergence"]!.GetValue<double>(), 12);
        Assert.Equal(Js([1, 0, 0, 0], golden), windows[1]!["divergence"]!.GetValue<double>(), 12);
        Assert.Equal(Js([1 / 3.0, 1 / 3.0, 1 / 3.0, 0], golden), mix["overall"]!["divergence"]!.GetValue<double>(), 12);
    }

    [Theory]
    [InlineData("/api/deployments/default/online/question-mix", 400, "'dataset'")]
    [InlineData("/api/deployments/default/online/question-mix?dataset=handmade&version=0", 400, "'version'")]
    [InlineData("/api/deployments/default/online/question-mix?dataset=handmade&from=2026-11-29T10:00:00Z&to=2026-11-29T09:00:00Z", 400, "'from' must be before")]
    [InlineData("/api/deployments/default/online/question-mix?dataset=handmade&from=2026-11-01T00:00:00Z&to=2026-11-29T00:00:00Z", 400, "the range spans more than 1440 windows")]
    [InlineData("/api/deployments/default/online/question-mix?dataset=handmade&from=yesterday", 400, "'from' must be an ISO-8601")]
    [InlineData("/api/deployments/nowhere/online/question-mix?dataset=handmade", 404, "no deployment 'nowhere'")]
    [InlineData("/api/deployments/default/online/question-mix?dataset=missing", 404, "no dataset 'missing'")]
    public async Task Bad_requests_get_a_problem(string url, int status, string detail)
    {
        var problem = await Host.Get(url, status);

        Assert.Contains(detail, problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static SelfLearn.Agents.Student.Telemetry.PipelineRun Live(DateTimeOffset at, string question) =>
        HandMadeRuns.Run("a", "alpha/q1", [], []) with
        {
            At = at, Question = question, CycleType = "online", ExperimentId = null, Variant = null, SimulationId = null, ExampleId = null, UserId = "live-user",
        };
}
