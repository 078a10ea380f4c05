using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>
/// The done-when flow: an experiment designed over HTTP on the built-in library, simulated, evaluated; the verdict
/// is reproduced from its stored aggregates alone. Bad evaluations are refused and append nothing.
/// </summary>
public sealed class EvaluateExperimentTests(AppFixture fixture) : ApiTest(fixture)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task DesignTopK1(string id, bool topK1IsBaseline = false)
    {
        await Host.RegisterDataset("golden", seed: 7, count: 12);
        var topK1 = await Host.CreateAndActivate("retrieval.top_k", 1);
        var variants = topK1IsBaseline
            ? new object[] { new { name = "one", configVersion = topK1, role = "baseline" }, new { name = "default", configVersion = 1, role = "treatment" } }
            : [new { name = "default", configVersion = 1, role = "baseline" }, new { name = "one", configVersion = topK1, role = "treatment" }];
        await Host.Post("/api/experiments", new
        {
            id, deploymentId = "default", mode = "offline", dataset = new { name = "golden", version = 1 }, variants,
            primaryMetrics = new[] { new { metric = "retrieval.delivered_recall", minimumEffect = new { value = 0.05, scale = "absolute" } } },
        }, 201);
        var (maas, _) = RecordingMaas.Over(Host);
        Assert.Equal(0, await new SimulateCommand(Host.Services, maas).RunAsync(new CommandArguments(["--experiment", id]), Ct));
    }

    private async Task<Agents.Teacher.Evaluation.EvaluationReport> Evaluate(string id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvaluateExperiment>().RunAsync(id, "test", null, Ct);
    }

    [Fact]
    public async Task Top_k_1_against_the_default_is_a_loser_on_delivered_recall_and_recompute_reproduces_it()
    {
        await DesignTopK1("exp-topk1");

        var report = await Evaluate("exp-topk1");

        var treatment = Assert.Single(report.Verdict.Result.Treatments);
        Assert.Equal(VerdictCall.Loser, treatment.Call);
        var recall = treatment.Metrics.Single(m => m.Metric == "retrieval.delivered_recall" && m.Segment == "all");
        Assert.Equal(Significance.Worse, recall.Significance);
        Assert.True(recall.AbsoluteDelta < 0);
        var recompute = await Host.Services.GetRequiredService<RecomputeVerdict>().RunAsync("exp-topk1", Ct);
        Assert.True(recompute.Reproduced, string.Join("\n", recompute.Differences));
        var stored = await Host.Get("/api/experiments/exp-topk1/verdict");
        Assert.Equal(report.Verdict.VerdictId, stored!["verdictId"]!.GetValue<string>());
        Assert.Equal("loser", stored["result"]!["treatments"]![0]!["call"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_default_against_a_top_k_1_baseline_is_a_winner()
    {
        await DesignTopK1("exp-topk1-better", topK1IsBaseline: true);

        var report = await Evaluate("exp-topk1-better");

        Assert.Equal(VerdictCall.Winner, Assert.Single(report.Verdict.Result.Treatments).Call);
    }

    [Fact]
    public async Task Evaluating_an_unknown_experiment_or_one_without_runs_is_refused_and_appends_nothing()
    {
        await Host.Post("/api/experiments", new
        {
            id = "exp-empty", deploymentId = "default",
            variants = new[] { new { name = "a", configVersion = 1 }, new { name = "b", configVersion = 1 } },
        }, 201);
        var before = await Host.EventCount();

        var unknown = await Assert.ThrowsAsync<EvaluationRefusedException>(() => Evaluate("exp-nope"));
        var empty = await Assert.ThrowsAsync<EvaluationRefusedException>(() => Evaluate("exp-empty"));

        Assert.Equal(EvaluationRefusal.UnknownExperiment, unknown.Reason);
        Assert.Equal(EvaluationRefusal.NoData, empty.Reason);
        Assert.Equal(before, await Host.EventCount());
        await Host.Get("/api/experiments/exp-empty/verdict", 404);
        await Host.Get("/api/experiments/exp-nope/results", 404);
        await Host.Get("/api/experiments/exp-empty/results", 409);
        await Host.Get("/api/experiments/exp-empty/results?metric=retrieval.bogus", 400);
        await Host.Get("/api/experiments/exp-empty/results?segment=kind:bogus", 400);
        Assert.Equal(before, await Host.EventCount());
    }
}
