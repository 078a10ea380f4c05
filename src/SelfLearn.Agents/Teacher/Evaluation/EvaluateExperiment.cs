using System.Text.Json;
using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Manager.Alerts;
using SelfLearn.Agents.Teacher.Hypotheses;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;
using SelfLearn.Domain.Teacher.Verdicts;
using SelfLearn.Domain.Tuner;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Teacher.Evaluation;

/// <summary>A recorded verdict and what the Teacher's rules made of it (null for online experiments: rules run only offline).</summary>
public sealed record EvaluationReport(VerdictRecorded Verdict, int JudgedRuns, FindingsAnalysis? Analysis);

/// <summary>
/// Evaluates an experiment: judges its unscored answered runs when a metric needs a judge, aggregates its metrics in
/// PostgreSQL (primaries, guards with the Goodhart guard, the default side effects), decides the verdict and appends it to
/// the experiment's verdict stream; an offline verdict is handed to the hypothesis and recommendation rules as findings,
/// and what they propose is committed with it.
/// </summary>
public sealed class EvaluateExperiment(
    IDocumentStore store, ExperimentRuns runs, AggregateMetrics metrics, JudgeUnscoredRuns judging, CatalogCache catalogCache,
    TeacherProposers proposers, ILoggerFactory loggers, ILogger<EvaluateExperiment> log)
{
    /// <exception cref="EvaluationRefusedException">Unknown experiment, an aborted one, or one without runs; nothing is appended.</exception>
    public Task<EvaluationReport> RunAsync(string experimentId, string by, IProgress<EvaluationProgress>? progress, CancellationToken ct) =>
        RunAsync(new MetricScope(experimentId), by, progress, ct);

    /// <param name="scope">The experiment, and with a <see cref="MetricScope.SimulationId"/> only that simulation's runs (a cycle's, after a
    /// crash left a partial one beside it); the verdict's input records the simulation.</param>
    /// <exception cref="EvaluationRefusedException">Unknown experiment, an aborted one, or one without runs; nothing is appended.</exception>
    public async Task<EvaluationReport> RunAsync(MetricScope scope, string by, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (experimentId, simulationId) = (scope.ExperimentId, scope.SimulationId);
        await using var session = store.LightweightSession();
        var experiment = await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct)
                         ?? throw new EvaluationRefusedException(EvaluationRefusal.UnknownExperiment, $"no experiment '{experimentId}'.");
        if (Domain.Experiments.EvaluateExperiment.Refusal(experiment) is { } wrongStatus)
            throw new EvaluationRefusedException(EvaluationRefusal.WrongStatus, wrongStatus);
        if (await runs.CountAsync(experimentId, ct) == 0)
            throw new EvaluationRefusedException(EvaluationRefusal.NoData,
                $"experiment '{experimentId}' has no runs yet: simulate it (simulate --experiment {experimentId}) or send it traffic first.");

        var design = experiment.Design;
        var names = VerdictSettings.MetricsOf(design);
        var needsJudge = names.Any(n => MetricRegistry.Get(n).Needs == MetricNeeds.Judge);
        var judged = needsJudge ? await judging.RunAsync(experimentId, progress, ct) : 0;

        progress?.Report(new EvaluationProgress("aggregating", judged));
        var request = new MetricRequest(scope, names, design.Segments, needsJudge ? judging.Judge : null);
        var perVariant = await metrics.PerVariantAsync(request, ct);
        var paired = design.Analysis == AnalysisKind.Paired ? await metrics.PairedAsync(request, design.Baseline.Name, ct) : [];
        var declared = design.PrimaryMetrics.Select(p => p.Metric).Concat(VerdictSettings.GuardsOf(design).Select(g => g.Metric)).ToHashSet(StringComparer.Ordinal);
        var input = new VerdictInput(experimentId, design, perVariant, paired, [.. names.Where(n => !declared.Contains(n))],
            request.Judge, design.Dataset, StatisticsVersion.Current, VerdictSettings.Bootstrap(design.Alpha), simulationId);

        progress?.Report(new EvaluationProgress("deciding", judged));
        var verdict = VerdictDecider.Decide($"vrd-{Guid.NewGuid():N}", input, by);
        var guardAlert = RaisedAlerts.GuardBreached(verdict, experiment.DeploymentId);
        Record(session, verdict, guardAlert);
        if (design.Mode != ExperimentMode.Offline)
        {
            await session.SaveChangesAsync(ct);
            return new EvaluationReport(verdict, judged, null);
        }

        progress?.Report(new EvaluationProgress("analysing", judged));
        try
        {
            // The verdict and what the Teacher makes of it commit in one transaction: a crash between the two cannot leave
            // a winner without its recommendation (a cycle that finds the verdict recorded finds its recommendation too).
            var findings = VerdictFindings.From(verdict, experiment.DeploymentId, await ChangesAsync(session, experiment, ct));
            var analysis = await AnalyzeFindingsHandler.Handle(new AnalyzeFindings(findings, by), session, catalogCache, proposers,
                loggers.CreateLogger<AnalyzeFindings>(), ct);
            return new EvaluationReport(verdict, judged, analysis);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The verdict stands on its own; a failing analysis costs only the proposals.
            log.LogWarning(e, "The Teacher could not analyse verdict {VerdictId} of {ExperimentId}.", verdict.VerdictId, experimentId);
            await using var alone = store.LightweightSession();
            Record(alone, verdict, guardAlert);
            await alone.SaveChangesAsync(ct);
            return new EvaluationReport(verdict, judged, null);
        }
    }

    /// <summary>The verdict, and the alert for a breached guard in the same transaction.</summary>
    private static void Record(IDocumentSession session, VerdictRecorded verdict, AlertRaised? guardAlert)
    {
        session.Events.Append(VerdictRecorded.StreamKey(verdict.ExperimentId), verdict);
        if (guardAlert is not null)
            RaiseAlert.Start(session, guardAlert);
    }

    /// <summary>Each treatment's parameters that differ from the baseline's (from = the baseline's value).</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ParameterChange>>> ChangesAsync(
        IQuerySession session, Experiment experiment, CancellationToken ct)
    {
        var baseline = await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(experiment.DeploymentId, experiment.Design.Baseline.ConfigVersion), ct);
        var changes = new Dictionary<string, IReadOnlyList<ParameterChange>>(StringComparer.Ordinal);
        if (baseline is null)
            return changes;
        var defaults = Catalog.Defaults(await catalogCache.GetAsync(session, ct));
        foreach (var variant in experiment.Design.Variants.Where(v => v.Role != VariantRole.Baseline))
        {
            if (await session.LoadAsync<ConfigVersionView>(ConfigVersionView.IdFor(experiment.DeploymentId, variant.ConfigVersion), ct) is { } treated)
                changes[variant.Name] = Parameters.Diff(defaults, baseline.Parameters, treated.Parameters);
        }
        return changes;
    }
}
