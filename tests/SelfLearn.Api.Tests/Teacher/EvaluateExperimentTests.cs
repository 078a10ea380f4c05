using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Teacher;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>
/// The issue's done-when flow: an experiment designed over HTTP on the built-in library, simulated, evaluated; the verdict
/// is reproduced from its stored aggregates alone. Bad evaluations are refused and append nothing.
/// </summary>
public sealed class EvaluateExperimentTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string DeliveredRecall = "retrieval.delivered_recall";

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<RecordingMaas> DesignTopK1(string id, bool topK1IsBaseline = false)
    {
        await Host.RegisterDataset("golden", seed: 7, count: 12);
        var topK1 = await Host.CreateAndActivate("retrieval.top_k", 1);
        var variants = topK1IsBaseline
            ? new object[] { new { name = "one", configVersion = topK1, role = "baseline" }, new { name = "default", configVersion = 1, role = "treatment" } }
            : [new { name = "default", configVersion = 1, role = "baseline" }, new { name = "one", configVersion = topK1, role = "treatment" }];
        await Host.Post("/api/experiments", new
        {
            id, deploymentId = "default", mode = "offline", dataset = new { name = "golden", version = 1 }, variants,
            primaryMetrics = new[] { new { metric = DeliveredRecall, minimumEffect = new { value = 0.05, scale = "absolute" } } },
        }, 201);
        var (maas, recorder) = RecordingMaas.Over(Host);
        Assert.Equal(0, await new SimulateCommand(Host.Services, maas).RunAsync(new CommandArguments(["--experiment", id]), Ct));
        return recorder;
    }

    private async Task<EvaluationReport> Evaluate(string id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Agents.Teacher.Evaluation.EvaluateExperiment>().RunAsync(id, "test", null, Ct);
    }

    [Fact]
    public async Task Top_k_1_against_the_default_is_a_loser_by_exactly_the_recall_each_variant_delivered_and_recompute_reproduces_it()
    {
        var recorder = await DesignTopK1("exp-topk1");
        var recall = DeliveredRecallPerExample(recorder, (await Host.Get("/api/datasets/golden/versions/1"))!);
        var pairs = recall.Keys.Where(k => k.Variant == "default" && recall.ContainsKey(("one", k.Example))).Select(k => k.Example).ToList();
        Assert.True(pairs.Count >= 10, $"only {pairs.Count} examples with evidence were answered by both variants");
        var expectedBaseline = pairs.Average(e => recall[("default", e)]);
        var expectedTreatment = pairs.Average(e => recall[("one", e)]);
        var expectedDelta = pairs.Average(e => recall[("one", e)] - recall[("default", e)]);

        var verdict = (await Host.PostWithoutBody("/api/experiments/exp-topk1/evaluate", 200))!;

        var treatment = Assert.Single(verdict["result"]!["treatments"]!.AsArray())!;
        Assert.Equal(("one", "loser"), (treatment["variant"]!.GetValue<string>(), treatment["call"]!.GetValue<string>()));
        AssertRecall(treatment, pairs.Count, expectedBaseline, expectedTreatment, expectedDelta, "worse");
        Assert.StartsWith("meta-user#", verdict["by"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = (await Host.Get("/api/experiments/exp-topk1/verdict"))!;
        Assert.Equal(verdict["verdictId"]!.GetValue<string>(), stored["verdictId"]!.GetValue<string>());

        var recomputed = (await Host.Get("/api/experiments/exp-topk1/verdict/recompute"))!;
        Assert.Equal((verdict["verdictId"]!.GetValue<string>(), true), (recomputed["verdictId"]!.GetValue<string>(), recomputed["reproduced"]!.GetValue<bool>()));
        Assert.Empty(recomputed["differences"]!.AsArray());
        AssertRecall(Assert.Single(recomputed["recomputed"]!["treatments"]!.AsArray())!, pairs.Count, expectedBaseline, expectedTreatment, expectedDelta, "worse");
    }

    [Fact]
    public async Task The_default_against_a_top_k_1_baseline_is_a_winner_printed_one_row_per_metric_when_piped()
    {
        await DesignTopK1("exp-topk1-better", topK1IsBaseline: true);

        var (code, output) = await ConsoleCapture.RunAsync(() => EvaluateCommand.RunAsync(Host.Services, ["--experiment", "exp-topk1-better"], Ct));

        Assert.Equal(0, code);
        var verdict = (await Host.Get("/api/experiments/exp-topk1-better/verdict"))!;
        var treatment = Assert.Single(verdict["result"]!["treatments"]!.AsArray())!;
        Assert.Equal("winner", treatment["call"]!.GetValue<string>());
        VerdictTableShape.AssertOneRowPerMetric(output, "exp-topk1-better · default: winner", treatment["metrics"]!.AsArray());

        var (recomputeCode, recomputeOutput) = await ConsoleCapture.RunAsync(() => RecomputeCommand.RunAsync(Host.Services, ["--experiment", "exp-topk1-better"], Ct));
        Assert.Equal(0, recomputeCode);
        Assert.Contains($"verdict {verdict["verdictId"]!.GetValue<string>()} of exp-topk1-better reproduced exactly from its stored aggregates.",
            recomputeOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verdict_scoped_to_one_simulation_reads_only_its_runs_and_records_which_one()
    {
        // The first simulation stands for one a crash cut short: a cycle evaluates only the simulation it recorded.
        await DesignTopK1("exp-two-sims");
        var (maas, recorder) = RecordingMaas.Over(Host);
        Assert.Equal(0, await new SimulateCommand(Host.Services, maas).RunAsync(new CommandArguments(["--experiment", "exp-two-sims"]), Ct));
        var second = (await Host.Get("/api/experiments/exp-two-sims/simulations"))!.AsArray()[^1]!["plan"]!["simulationId"]!.GetValue<string>();
        var recall = DeliveredRecallPerExample(recorder, (await Host.Get("/api/datasets/golden/versions/1"))!);
        var pairs = recall.Keys.Where(k => k.Variant == "default" && recall.ContainsKey(("one", k.Example))).Select(k => k.Example).ToList();

        await using var scope = Host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<Agents.Teacher.Evaluation.EvaluateExperiment>()
            .RunAsync(new Domain.Teacher.Metrics.MetricScope("exp-two-sims", second), "test", null, Ct);

        var verdict = (await Host.Get("/api/experiments/exp-two-sims/verdict"))!;
        Assert.Equal((report.Verdict.VerdictId, second), (verdict["verdictId"]!.GetValue<string>(), verdict["input"]!["simulationId"]!.GetValue<string>()));
        AssertRecall(Assert.Single(verdict["result"]!["treatments"]!.AsArray())!, pairs.Count, pairs.Average(e => recall[("default", e)]),
            pairs.Average(e => recall[("one", e)]), pairs.Average(e => recall[("one", e)] - recall[("default", e)]), "worse");
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

    /// <summary>The "all" row of delivered recall: its pair count, both variants' values and the delta, as worked out in the test.</summary>
    private static void AssertRecall(JsonNode treatment, int pairs, double baseline, double treated, double delta, string significance)
    {
        var row = Assert.Single(treatment["metrics"]!.AsArray(), m => m!["metric"]!.GetValue<string>() == DeliveredRecall && m["segment"]!.GetValue<string>() == "all")!;
        Assert.Equal((pairs, pairs), (row["baselineCount"]!.GetValue<long>(), row["treatmentCount"]!.GetValue<long>()));
        Assert.Equal(baseline, row["baselineValue"]!.GetValue<double>(), 12);
        Assert.Equal(treated, row["treatmentValue"]!.GetValue<double>(), 12);
        Assert.Equal(delta, row["absoluteDelta"]!.GetValue<double>(), 12);
        Assert.Equal(significance, row["significance"]!.GetValue<string>());
    }

    /// <summary>
    /// |E ∩ D| / |E| of every answered query with evidence (docs/METRICS.md), keyed by variant and example id, from what the
    /// MaaS answered (D: the delivered items' source ids) and the dataset version as stored (E: the question's evidence
    /// turns, shared by its follow-ups). Each example is answered once per variant.
    /// </summary>
    private static Dictionary<(string Variant, string Example), double> DeliveredRecallPerExample(RecordingMaas recorder, JsonNode dataset)
    {
        var evidence = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var scenario in dataset["scenarios"]!.AsArray())
            foreach (var question in scenario!["questions"]!.AsArray())
            {
                var turns = question!["golden"]!["evidenceTurns"]!.AsArray().Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                if (turns.Count == 0)
                    continue;
                var example = $"{scenario["id"]!.GetValue<string>()}/{question["id"]!.GetValue<string>()}";
                evidence.Add(example, turns);
                foreach (var followUp in question["followUps"]?.AsArray() ?? [])
                    evidence.Add($"{example}/{followUp!["id"]!.GetValue<string>()}", turns);
            }

        var recall = new Dictionary<(string, string), double>();
        foreach (var exchange in recorder.Exchanges.Where(x => x.Request.Path == "/maas/v1/query"))
        {
            Assert.Equal(200, exchange.Status);
            var body = exchange.Request.Body!;
            if (!evidence.TryGetValue(body["exampleId"]!.GetValue<string>(), out var turns))
                continue;
            var delivered = exchange.Answer!["items"]!.AsArray().Select(i => i!["sourceId"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            recall.Add((body["variant"]!.GetValue<string>(), body["exampleId"]!.GetValue<string>()), turns.Count(delivered.Contains) / (double)turns.Count);
        }
        return recall;
    }
}
