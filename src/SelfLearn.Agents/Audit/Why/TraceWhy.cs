using System.Text.Json;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Agents.Audit.Why;

/// <summary>
/// Why a factor has its current value: the version that introduced the value and the activation that made it effective,
/// then — through the ids those events carry — the goal, cycle, hypothesis, experiment, verdict, recommendation and
/// approval, each read from its own stream's event (never re-typed). Null when the deployment or the factor is unknown.
/// </summary>
public static class TraceWhy
{
    /// <summary>The same, on a query session of its own (for the command line, which opens none).</summary>
    public static async Task<WhyDecisions?> RunAsync(IServiceProvider services, string deploymentId, string factorKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        return await RunAsync(session, deploymentId, factorKey, ct);
    }

    public static async Task<WhyDecisions?> RunAsync(IQuerySession session, string deploymentId, string factorKey, CancellationToken ct)
    {
        if (await session.LoadAsync<Deployment>(deploymentId, ct) is not { ActiveVersion: { } active } deployment
            || !deployment.ActiveParameters.TryGetValue(factorKey, out var value))
            return null;

        var events = await session.Events.FetchStreamAsync(deploymentId, token: ct);
        var versions = events.Where(e => e.Data is ConfigVersionCreated).ToDictionary(e => ((ConfigVersionCreated)e.Data).ConfigVersion);
        var origin = Origin(versions, active, factorKey);
        var activation = events.LastOrDefault(e => ActivationChanges(e.Data)?.Any(c => c.Key == factorKey) == true)
                         ?? events.LastOrDefault(e => e.Data is ConfigVersionActivated a && a.ConfigVersion == active);
        var links = Merge(ActivationLinks(activation?.Data), origin is null ? null : ((ConfigVersionCreated)origin.Data).Links);

        var found = new Dictionary<string, WhyLink>();
        void Add(WhyLink? link) { if (link is not null) found[link.Link] = link; }
        Add(await GoalAsync(session, links.GoalId, ct));
        Add(await CycleAsync(session, links.CycleId, ct));
        Add(await FirstAsync<HypothesisProposed>(session, WhyLinkKinds.Hypothesis, links.HypothesisId, Hypothesis.StreamKey, h => (h.By, h.Rationale), ct));
        Add(await FirstAsync<ExperimentRegistered>(session, WhyLinkKinds.Experiment, links.ExperimentId, Experiment.StreamKey,
            x => (x.By, x.Design?.Hypothesis?.Text ?? x.Description ?? $"experiment {x.ExperimentId}"), ct));
        Add(await VerdictAsync(session, links.ExperimentId, links.VerdictId, ct));
        Add(await FirstAsync<RecommendationRecorded>(session, WhyLinkKinds.Recommendation, links.RecommendationId, Recommendation.StreamKey,
            r => (r.By, r.Reason), ct));
        Add(await FirstAsync<ApprovalGranted>(session, WhyLinkKinds.Approval, links.ApprovalId, Approval.StreamKey, a => (a.By, a.Reason), ct));
        if (origin is not null)
        {
            var created = (ConfigVersionCreated)origin.Data;
            Add(Link(WhyLinkKinds.Version, created.ConfigVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), deploymentId, origin,
                created.By, created.Reason));
        }
        if (activation is not null)
            Add(ActivationLink(deploymentId, activation));

        return new WhyDecisions(deploymentId, factorKey, value, active,
            [.. WhyLinkKinds.InOrder.Where(found.ContainsKey).Select(k => found[k])],
            [.. WhyLinkKinds.InOrder.Where(k => !found.ContainsKey(k))]);
    }

    /// <summary>Walks the active version's lineage back to the version whose own changes introduced the factor's value.</summary>
    private static IEvent? Origin(Dictionary<int, IEvent> versions, int active, string key)
    {
        var version = versions.GetValueOrDefault(active);
        while (version?.Data is ConfigVersionCreated created && !created.Changes.Any(c => c.Key == key) && created.ParentVersion is { } parent)
            version = versions.GetValueOrDefault(parent);
        return version?.Data is ConfigVersionCreated found && found.Changes.Any(c => c.Key == key) ? version : null;
    }

    private static IReadOnlyList<ParameterChange>? ActivationChanges(object data) => data switch
    {
        ConfigVersionActivated a => a.Changes,
        ConfigRolledBack r => r.Changes,
        _ => null,
    };

    private static ChangeLinks? ActivationLinks(object? data) => data switch
    {
        ConfigVersionActivated a => a.Links,
        ConfigRolledBack r => r.Links,
        _ => null,
    };

    private static ChangeLinks Merge(ChangeLinks? activation, ChangeLinks? version)
    {
        var (a, v) = (activation ?? ChangeLinks.None, version ?? ChangeLinks.None);
        return new ChangeLinks(a.GoalId ?? v.GoalId, a.ExperimentId ?? v.ExperimentId, a.RecommendationId ?? v.RecommendationId,
            a.ApprovalId ?? v.ApprovalId, a.CycleId ?? v.CycleId, a.HypothesisId ?? v.HypothesisId, a.VerdictId ?? v.VerdictId);
    }

    private static WhyLink ActivationLink(string deploymentId, IEvent e) => e.Data switch
    {
        ConfigRolledBack r => Link(WhyLinkKinds.Activation, r.Activation.ToString(System.Globalization.CultureInfo.InvariantCulture), deploymentId, e, r.By,
            $"rolled back from version {r.FromVersion} to {r.ToVersion}: {r.Reason}"),
        ConfigVersionActivated a => Link(WhyLinkKinds.Activation, a.Activation.ToString(System.Globalization.CultureInfo.InvariantCulture), deploymentId, e, a.By,
            $"activated version {a.ConfigVersion}: {a.Reason}"),
        _ => throw new ArgumentException("not an activation", nameof(e)),
    };

    private static async Task<WhyLink?> GoalAsync(IQuerySession session, string? goalId, CancellationToken ct)
    {
        if (goalId is null)
            return null;
        var stream = Goal.StreamKey(goalId);
        var events = await session.Events.FetchStreamAsync(stream, token: ct);
        if (events.FirstOrDefault(e => e.Data is GoalStated) is not { } stated)
            return null;
        var goal = (GoalStated)stated.Data;
        var confirmed = events.FirstOrDefault(e => e.Data is GoalConfirmed)?.Data is GoalConfirmed c ? $" (confirmed by {c.By})" : "";
        return Link(WhyLinkKinds.Goal, goalId, stream, stated, goal.By, (goal.Text ?? $"goal {goalId}") + confirmed);
    }

    private static async Task<WhyLink?> CycleAsync(IQuerySession session, string? cycleId, CancellationToken ct) =>
        await FirstAsync<CycleStarted>(session, WhyLinkKinds.Cycle, cycleId, Cycle.StreamKey,
            c => (c.By, $"cycle for goal {c.GoalId} on deployment '{c.DeploymentId}' from version {c.BaseVersion}"), ct);

    private static async Task<WhyLink?> VerdictAsync(IQuerySession session, string? experimentId, string? verdictId, CancellationToken ct)
    {
        if (experimentId is null || verdictId is null)
            return null;
        var stream = VerdictRecorded.StreamKey(experimentId);
        var events = await session.Events.FetchStreamAsync(stream, token: ct);
        if (events.FirstOrDefault(e => e.Data is VerdictRecorded v && v.VerdictId == verdictId) is not { } recorded)
            return null;
        var verdict = (VerdictRecorded)recorded.Data;
        var calls = string.Join("; ", verdict.Result.Treatments.Select(t =>
            $"{t.Variant}: {JsonSerializer.Serialize(t.Call).Trim('"')} ({string.Join(" ", t.Reasons)})"));
        return Link(WhyLinkKinds.Verdict, verdictId, stream, recorded, verdict.By, calls);
    }

    private static async Task<WhyLink?> FirstAsync<T>(
        IQuerySession session, string kind, string? id, Func<string, string> streamKey, Func<T, (string By, string Why)> describe, CancellationToken ct)
    {
        if (id is null)
            return null;
        var stream = streamKey(id);
        var events = await session.Events.FetchStreamAsync(stream, token: ct);
        if (events.FirstOrDefault(e => e.Data is T) is not { } found)
            return null;
        var (by, why) = describe((T)found.Data);
        return Link(kind, id, stream, found, by, why);
    }

    private static WhyLink Link(string kind, string id, string stream, IEvent e, string by, string why) =>
        new(kind, id, stream, e.EventType.Name, e.Sequence, e.Id, e.Timestamp, by, why);
}
