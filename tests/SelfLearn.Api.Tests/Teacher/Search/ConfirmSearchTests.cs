using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Teacher.Search.Confirming;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Api.Tests.Teacher.Search;

/// <summary>
/// Screen, then confirm: a search's candidate is played against its base version in a paired experiment through the
/// emulator and judged; a winner becomes a ready recommendation and nothing is activated. Candidates that cannot be
/// confirmed are refused before anything is written.
/// </summary>
public sealed class ConfirmSearchTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Recall = "retrieval.delivered_recall";

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SearchCandidate Candidate(string searchId, int baseVersion, object topK, double outOfFold, double baselineOutOfFold) =>
        new(searchId, "default", baseVersion, Recall, new Dictionary<string, JsonElement> { ["retrieval.top_k"] = JsonSerializer.SerializeToElement(topK) },
            outOfFold, baselineOutOfFold, [new SearchConstraint("tokens.in", null, 900)]);

    private async Task<ConfirmationReport> Confirm(SearchCandidate candidate, ScenarioSet scenarios)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var (maas, _) = RecordingMaas.Over(Host);
        var services = scope.ServiceProvider;
        var workflow = ActivatorUtilities.CreateInstance<ConfirmSearch>(services, ActivatorUtilities.CreateInstance<RunSimulation>(services, maas));
        return await workflow.RunAsync(candidate, scenarios, "library template-v1 seed 7", 4, new QuietObserver(), null, Ct);
    }

    private async Task<ScenarioSet> Scenarios(string name) =>
        (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7, 12, ct: Ct)).Set with { Name = name };

    [Fact]
    public async Task A_candidate_that_delivers_more_is_a_winner_of_its_paired_experiment_and_becomes_a_ready_recommendation_without_being_activated()
    {
        var topK1 = await Host.CreateAndActivate("retrieval.top_k", 1);

        var report = await Confirm(Candidate("srch-wins", topK1, 5, 0.62, 0.41), await Scenarios("confirm-golden"));

        Assert.Equal(("confirm-srch-wins", topK1, topK1 + 1), (report.ExperimentId, report.BaselineVersion, report.CandidateVersion));
        var verdict = Assert.Single(report.Evaluation!.Verdict.Result.Treatments);
        Assert.Equal((ConfirmSearch.Candidate, VerdictCall.Winner), (verdict.Variant, verdict.Call));

        var experiment = (await Host.Get("/api/experiments/confirm-srch-wins"))!;
        var design = experiment["design"]!;
        Assert.Equal(("srch-wins", "offline", "confirm-golden"),
            (design["hypothesis"]!["id"]!.GetValue<string>(), design["mode"]!.GetValue<string>(), design["dataset"]!["name"]!.GetValue<string>()));
        var primary = design["primaryMetrics"]!.AsArray().Single()!;
        Assert.Equal((Recall, 0.62 - 0.41, "absolute"),
            (primary["metric"]!.GetValue<string>(), primary["minimumEffect"]!["value"]!.GetValue<double>(), primary["minimumEffect"]!["scale"]!.GetValue<string>()));
        var guard = design["guardMetrics"]!.AsArray().Single(g => g!["metric"]!.GetValue<string>() == "tokens.in")!;
        Assert.Equal(900, guard["bound"]!.GetValue<double>());

        var recommendation = (await Host.Get("/api/recommendations?experimentId=confirm-srch-wins"))!.AsArray().Single()!;
        Assert.Equal(("""[{"key":"retrieval.top_k","from":1,"to":5}]""", "ready", topK1),
            (recommendation["changes"]!.ToJsonString(), recommendation["status"]!.GetValue<string>(), recommendation["baseVersion"]!.GetValue<int>()));
        Assert.Equal(topK1, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["configVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_candidate_that_did_not_beat_the_base_out_of_fold_is_refused_and_nothing_is_written()
    {
        var scenarios = await Scenarios("confirm-none");
        var before = await Host.EventCount();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Confirm(Candidate("srch-flat", 1, 7, 0.41, 0.41), scenarios));

        Assert.Equal("search srch-flat's best configuration did not beat the base out of fold (retrieval.delivered_recall 0.41 against 0.41): there is nothing to confirm.",
            refused.Message);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_candidate_equal_to_its_base_version_is_refused_and_nothing_is_written()
    {
        var scenarios = await Scenarios("confirm-same");
        var before = await Host.EventCount();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Confirm(Candidate("srch-same", 1, 5, 0.5, 0.4), scenarios));

        Assert.Equal("search srch-same's best configuration is the base version 1 itself: there is nothing to confirm.", refused.Message);
        Assert.Equal(before, await Host.EventCount());
    }

    private sealed class QuietObserver : ISimulationObserver
    {
        public void Started(SimulationRun run, DatasetRegistration dataset) { }

        public Task<EmulatorResult> PlayingAsync(SimulationPlan plan, Func<IProgress<EmulatorProgress>?, Task<EmulatorResult>> play) => play(null);

        public void Warning(string message) => throw new InvalidOperationException(message);
    }
}
