using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>Evaluates one deployment's degradation rules now (the schedule sends none; the route and the scheduled job use it).</summary>
public sealed record EvaluateDegradationRules(string DeploymentId);

public static class EvaluateDegradationRulesHandler
{
    public static Task<DegradationReport> Handle(EvaluateDegradationRules command, DegradationRuleEvaluator evaluator, CancellationToken ct) =>
        evaluator.EvaluateAsync(command.DeploymentId, ct);
}

/// <summary>
/// Reads a deployment, its rules and its folded windows, judges every rule in force for the active activation
/// (<see cref="DegradationEvaluator"/>) and acts on the first that fired. Not pinned: the Tuner's <see cref="RollBack"/>
/// runs with the deployment's stream version as the expected version, in one transaction with the alert's new stream,
/// so of two evaluators that judged the same activation exactly one rolls back and raises the alert; the other's
/// transaction fails as a whole. Pinned: only the alert, whose id names the activation and the rule, so it is raised once.
/// </summary>
public sealed class DegradationRuleEvaluator(
    IDocumentStore store, OnlineWindowReader windows, IOptions<OnlineOptions> online, IDegradationGate gate, TimeProvider clock)
{
    public const string By = "system:degradation-rules";

    public async Task<DegradationReport> EvaluateAsync(string deploymentId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var deployment = await session.LoadAsync<Deployment>(deploymentId, ct);
        if (deployment is null)
            return Report(deploymentId, null, DegradationAction.NoDeployment, null, $"no deployment '{deploymentId}'.", []);
        var batch = session.CreateBatchQuery();
        var periodLoad = batch.Load<ConfigPeriod>(ConfigPeriod.IdFor(deploymentId, deployment.Activations));
        var beforeLoad = batch.Load<ConfigPeriod>(ConfigPeriod.IdFor(deploymentId, deployment.Activations - 1));
        var rulesLoad = batch.Load<DegradationRules>(DegradationRules.StreamKey(deploymentId));
        await batch.Execute(ct);
        var (period, before, rules) = (await periodLoad, await beforeLoad, await rulesLoad);
        if (deployment.ActiveVersion is not { } active || deployment.ActiveSince is not { } since || period is null || period.Kind != "activated")
            return Report(deploymentId, deployment, DegradationAction.NotWatched, null,
                "rules watch an activated version; none is active, or the active one was restored by a rollback.", []);

        var watched = new WatchedActivation(deploymentId, deployment.Activations, active, before?.ConfigVersion, since);
        rules = await ArmAsync(session, rules, watched, period.Links.RecommendationId, ct);
        var inForce = rules?.InForce(watched.Activation) ?? [];
        var baseSeconds = online.Value.WindowSeconds;
        var now = clock.GetUtcNow();
        var longest = TimeSpan.FromSeconds(inForce.Select(r => r.Rule.WindowLength(baseSeconds)).DefaultIfEmpty(baseSeconds).Max());
        var figures = inForce.Count == 0 ? [] : await windows.ReadAsync(deploymentId, online.Value.WindowStart(since) - longest, now,
            [.. inForce.Select(r => r.Rule.Metric).Distinct()], ct);
        var evaluations = inForce.Select(rule => DegradationEvaluator.Evaluate(rule, watched, figures, baseSeconds, now)).ToList();
        var fired = evaluations.Where(e => e.Fired).ToList();
        if (fired.Count == 0)
            return Report(deploymentId, deployment, DegradationAction.NothingFired, null,
                inForce.Count == 0 ? "no rule watches this activation." : "no rule fired.", evaluations);

        await gate.BeforeActingAsync(deploymentId, ct);
        return deployment.PinnedVersion == active
            ? await AlertPinnedAsync(deployment, watched, fired, evaluations, ct)
            : await RollBackAsync(session, deployment, watched, period.Links.RecommendationId, fired[0], evaluations, ct);
    }

    /// <summary>Records the recommendation's conditions as armed for this activation once; a concurrent evaluator armed the same ones.</summary>
    private static async Task<DegradationRules?> ArmAsync(
        IDocumentSession session, DegradationRules? rules, WatchedActivation watched, string? recommendationId, CancellationToken ct)
    {
        if (recommendationId is null || rules?.Armed?.Activation == watched.Activation)
            return rules;
        var recommendation = await session.LoadAsync<Recommendation>(Recommendation.StreamKey(recommendationId), ct);
        var armed = ArmActivationRules.Decide(rules, watched.DeploymentId, watched.Activation, watched.ConfigVersion, recommendationId,
            recommendation?.RollbackConditions ?? []);
        if (armed is null)
            return rules;
        try
        {
            var stream = await session.Events.FetchForWriting<DegradationRules>(DegradationRules.StreamKey(watched.DeploymentId), rules?.Version ?? 0, ct);
            stream.AppendOne(armed);
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            session.EjectAllPendingChanges();
        }
        return (rules ?? DegradationRules.Empty(watched.DeploymentId)).Apply(armed);
    }

    private async Task<DegradationReport> RollBackAsync(
        IDocumentSession session, Deployment deployment, WatchedActivation watched, string? recommendationId, RuleEvaluation fired,
        IReadOnlyList<RuleEvaluation> evaluations, CancellationToken ct)
    {
        var evidence = DegradationEvidence.Of(fired, watched);
        var target = Domain.Configuration.RollBack.Target(deployment, null);
        var why = Why(fired);
        session.Events.StartStream(AlertStreams.StreamKey(AlertIds.RuleFired(watched, fired.Rule)), new AlertRaised(AlertIds.RuleFired(watched, fired.Rule),
            AlertKind.RuleFired, deployment.Id, Subject(watched), $"{why} Rolled back to version {target}.", Json(evidence), By));
        // No links: a rollback's links would make "why" trace the restored value to the recommendation it undoes.
        var undone = recommendationId is null ? "" : $" The activation came from recommendation {recommendationId}.";
        var outcome = await RollBackHandler.Handle(new Tuner.RollBack(deployment.Id, null, $"{why}{undone} Rolled back automatically.", By, fired.Rule, ChangeLinks.None,
            deployment.Version, evidence), session, ct);
        return outcome.Status switch
        {
            TunerStatus.Accepted => Report(deployment.Id, deployment, DegradationAction.RolledBack, fired.Rule, $"{why} Rolled back to version {target}.", evaluations),
            TunerStatus.Conflict => Report(deployment.Id, deployment, DegradationAction.AlreadyHandled, fired.Rule,
                $"{why} Another evaluation acted on this activation first: {outcome.Describe()}", evaluations),
            _ => Report(deployment.Id, deployment, DegradationAction.RollbackRefused, fired.Rule, $"{why} The Tuner refused the rollback: {outcome.Describe()}", evaluations),
        };
    }

    private async Task<DegradationReport> AlertPinnedAsync(
        Deployment deployment, WatchedActivation watched, IReadOnlyList<RuleEvaluation> fired, IReadOnlyList<RuleEvaluation> evaluations, CancellationToken ct)
    {
        var raised = 0;
        foreach (var rule in fired)
        {
            var id = AlertIds.PinnedNotRolledBack(watched, rule.Rule);
            await using var session = store.LightweightSession();
            if (await session.Events.FetchStreamStateAsync(AlertStreams.StreamKey(id), ct) is not null)
                continue;
            session.Events.StartStream(AlertStreams.StreamKey(id), new AlertRaised(id, AlertKind.PinnedNotRolledBack, deployment.Id, Subject(watched),
                $"{Why(rule)} Version {watched.ConfigVersion} is pinned, so it was not rolled back.", Json(DegradationEvidence.Of(rule, watched)), By));
            try
            {
                await session.SaveChangesAsync(ct);
                raised++;
            }
            catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
            {
                // Raised by a concurrent evaluation: one alert per activation and rule.
            }
        }
        return Report(deployment.Id, deployment, raised > 0 ? DegradationAction.PinnedAlerted : DegradationAction.AlreadyHandled, fired[0].Rule,
            $"{string.Join(" ", fired.Select(Why))} Version {watched.ConfigVersion} is pinned: not rolled back; {raised} new alert(s).", evaluations);
    }

    private static string Why(RuleEvaluation fired)
    {
        var last = fired.FiringWindows[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"Rule '{fired.Rule}' fired: {fired.Condition.Metric} was worse than {last.Limit:G6} in {fired.FiringWindows.Count} window(s) in a row (last: mean {last.Mean:G6} over {last.N} samples).");
    }

    private static string Subject(WatchedActivation watched) => $"deployment {watched.DeploymentId}, version {watched.ConfigVersion} (activation {watched.Activation})";

    private static JsonElement Json(DegradationEvidence evidence) => JsonSerializer.SerializeToElement(evidence, JsonSerializerOptions.Web);

    private static DegradationReport Report(
        string deploymentId, Deployment? deployment, DegradationAction action, string? rule, string detail, IReadOnlyList<RuleEvaluation> rules) =>
        new(deploymentId, deployment?.Activations, deployment?.ActiveVersion, deployment?.PinnedVersion is { } pinned && pinned == deployment.ActiveVersion,
            action, rule, detail, rules);
}

/// <summary>Alert ids name the occurrence, so raising one twice is refused by the stream's existence.</summary>
public static class AlertIds
{
    public static string RuleFired(WatchedActivation watched, string rule) => $"rule-fired:{watched.DeploymentId}:{watched.Activation}:{rule}";

    public static string PinnedNotRolledBack(WatchedActivation watched, string rule) => $"pinned-not-rolled-back:{watched.DeploymentId}:{watched.Activation}:{rule}";
}
