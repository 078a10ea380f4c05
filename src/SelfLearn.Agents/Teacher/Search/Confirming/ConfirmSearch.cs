using System.Globalization;
using Marten;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Simulations;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Search;
using Wolverine;
using EvaluateExperiment = SelfLearn.Agents.Teacher.Evaluation.EvaluateExperiment;
using RegisterExperiment = SelfLearn.Agents.Tuner.RegisterExperiment;

namespace SelfLearn.Agents.Teacher.Search.Confirming;

/// <summary>
/// Screen, then confirm: a search's best configuration is only a candidate until a paired experiment through the User
/// Emulator says so. This registers the candidate as a Tuner version (not activated), designs an offline experiment
/// "candidate against the base version" on the given scenarios with the search's objective as its primary metric (its
/// minimum effect the gain the search measured out of fold) and the search's constraints as guards, plays it and
/// evaluates it. A winner verdict becomes a ready recommendation through the Teacher's rules; nothing is activated here.
/// </summary>
public sealed class ConfirmSearch(
    IDocumentStore store, PrepareVariants variants, IMessageBus bus, RunSimulation simulation, EvaluateExperiment evaluation)
{
    public const string By = "system:search";
    public const string Baseline = "base";
    public const string Candidate = "candidate";

    /// <exception cref="ArgumentException">The candidate cannot be confirmed (no gain out of fold, refused by the Tuner); nothing is recorded.</exception>
    public async Task<ConfirmationReport> RunAsync(
        SearchCandidate candidate, ScenarioSet scenarios, string source, int concurrency, ISimulationObserver observer,
        IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(scenarios);
        var gain = Gain(candidate);
        var experimentId = ExperimentId(candidate.SearchId);
        var version = await variants.VersionAsync(candidate.DeploymentId, candidate.Parameters, candidate.BaseVersion,
            $"search {candidate.SearchId}: best configuration, to be confirmed by experiment {experimentId}", By, new ChangeLinks(ExperimentId: experimentId), ct);
        if (version == candidate.BaseVersion)
            throw new ArgumentException($"search {candidate.SearchId}'s best configuration is the base version {candidate.BaseVersion} itself: there is nothing to confirm.");

        var dataset = await RegisterDataset.RunAsync(store, scenarios, source, By, ct);
        var registered = await bus.InvokeAsync<TunerOutcome>(new RegisterExperiment(experimentId, candidate.DeploymentId,
            [new ExperimentVariant(Baseline, candidate.BaseVersion, VariantRole.Baseline), new ExperimentVariant(Candidate, version, VariantRole.Treatment)],
            AssignmentUnit.User, $"confirms search {candidate.SearchId}", By, Design(candidate, gain, dataset)), ct);
        if (registered.Status != TunerStatus.Accepted)
            throw new ArgumentException($"the confirming experiment was not registered: {registered.Describe()}");

        var target = new SimulationTarget(experimentId, candidate.DeploymentId,
            [new SimulatedVariant(Baseline, candidate.BaseVersion), new SimulatedVariant(Candidate, version)]);
        var simulationId = RunSimulation.NewSimulationId();
        var plan = SimulationPlan.Build(scenarios, new SimulationSettings(simulationId, candidate.DeploymentId, experimentId, [Baseline, Candidate]));
        var played = await simulation.RunAsync(new SimulationRun(simulationId, new LoadedScenarios(scenarios, source, dataset), target, plan,
            concurrency, KeepMemories: false, RepeatOf: null), observer, ct);
        var verdict = played.Stopped ? null : await evaluation.RunAsync(experimentId, By, progress, ct);
        return new ConfirmationReport(experimentId, candidate.BaseVersion, version, played, verdict);
    }

    /// <summary>One experiment per search: confirming the same search twice is refused by the experiment's id.</summary>
    public static string ExperimentId(string searchId) => $"confirm-{searchId}";

    private static double Gain(SearchCandidate candidate)
    {
        var direction = MetricRegistry.Get(candidate.Objective).Direction;
        var gain = direction == MetricDirection.HigherIsBetter
            ? candidate.OutOfFold - candidate.BaselineOutOfFold
            : candidate.BaselineOutOfFold - candidate.OutOfFold;
        return gain > 0 && double.IsFinite(gain)
            ? gain
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"search {candidate.SearchId}'s best configuration did not beat the base out of fold ({candidate.Objective} {candidate.OutOfFold:0.####} against {candidate.BaselineOutOfFold:0.####}): there is nothing to confirm."));
    }

    private static DesignProposal Design(SearchCandidate candidate, double gain, DatasetRegistration dataset) => new(
        new HypothesisProposal(string.Create(CultureInfo.InvariantCulture,
            $"The configuration search {candidate.SearchId} found improves {candidate.Objective} by {gain:0.####} on conversations it did not tune on."), candidate.SearchId),
        [new PrimaryMetricProposal(candidate.Objective, null, new MinimumEffectProposal(gain, EffectScale.Absolute), null)],
        [.. candidate.Constraints.Select(Guard).OfType<GuardMetricProposal>()],
        Mode: ExperimentMode.Offline,
        Dataset: new DatasetProposal(dataset.Name, dataset.Version));

    /// <summary>A constraint's limit on the metric's bad side (a ceiling on a cost, a floor on a quality) guards the experiment.</summary>
    private static GuardMetricProposal? Guard(SearchConstraint constraint) =>
        (MetricRegistry.Get(constraint.Metric).Direction == MetricDirection.LowerIsBetter ? constraint.Max : constraint.Min) is { } bound
            ? new GuardMetricProposal(constraint.Metric, null, null, bound)
            : null;
}
