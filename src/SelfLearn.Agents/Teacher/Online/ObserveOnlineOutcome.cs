using Marten;
using Microsoft.Extensions.Options;
using SelfLearn.Domain.Configuration;
using SelfLearn.Projections.Configuration;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Verdicts;
using Decider = SelfLearn.Domain.Teacher.Online.ObserveOnlineOutcome;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Sets the active activation's offline prediction against its live windows once its version has run for
/// <c>Online:ValidityMinutes</c>, and records it (<see cref="OnlineOutcomeObserved"/>) with the running agreement.
/// Safe to run from any number of places at once: the validity stream's version makes the second writer lose.
/// </summary>
public sealed class ObserveOnlineOutcome(IDocumentStore store, OnlineWindowReader windows, IOptions<OnlineOptions> options, TimeProvider clock)
{
    /// <summary>The observation recorded now, or why there is none (yet).</summary>
    public async Task<(OnlineOutcomeObserved? Observed, string? Reason)> RunAsync(string deploymentId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Deployment>(deploymentId, ct) is not { } deployment)
            return (null, $"no deployment '{deploymentId}'.");
        if (deployment.Activations == 0)
            return (null, "nothing was activated yet.");
        // The validity periods hold each activation's links and start: two documents, not a replay of the deployment's stream.
        var batch = session.CreateBatchQuery();
        var currentQuery = batch.Load<ConfigPeriod>(ConfigPeriod.IdFor(deploymentId, deployment.Activations));
        var previousQuery = batch.Load<ConfigPeriod>(ConfigPeriod.IdFor(deploymentId, deployment.Activations - 1));
        await batch.Execute(ct);
        if (await currentQuery is not { Kind: "activated" } current)
            return (null, "the active version came back by a rollback, not from an offline verdict.");

        var settings = options.Value;
        var activation = new ObservedActivation(deploymentId, current.Activation, current.ConfigVersion, (await previousQuery)?.ConfigVersion,
            current.ValidFrom, current.Links);
        var span = settings.ValiditySpan;
        var observation = new ObservationSettings(span, settings.Window, settings.ValidityMinSamples);
        var now = clock.GetUtcNow();
        var key = OnlineOutcomeObserved.StreamKey(deploymentId);
        var history = await session.Events.FetchStreamAsync(key, token: ct);
        var done = new OnlineValidity([.. history.Select(e => e.Data).OfType<OnlineOutcomeObserved>().Select(o => o.Activation)]);
        // The monitor asks every period: the verdict, the windows and the earlier observations are read only once the activation is due.
        if (Decider.NotDue(done, activation, observation, now) is { } notDue)
            return (null, notDue);

        var predicted = await PredictionAsync(session, current.Links.ExperimentId!, current.Links.VerdictId!, current.ConfigVersion, ct);
        var figures = predicted is null ? []
            : await windows.ReadAsync(deploymentId, activation.ActiveSince - span, activation.ActiveSince + span, [.. predicted.Select(m => m.Metric).Distinct()], ct);
        var earlier = (await session.Events.QueryRawEventDataOnly<OnlineOutcomeObserved>().ToListAsync(ct)).SelectMany(o => o.Metrics).ToList();
        var (observed, reason) = Decider.Decide(done, activation, predicted, figures, earlier, observation, now);
        if (observed is null)
            return (null, reason);
        if (history.Count == 0)
            session.Events.StartStream(key, observed);
        else
            session.Events.Append(key, history.Count + 1, observed); // a second observer read the same history: its commit fails
        await session.SaveChangesAsync(ct);
        return (observed, null);
    }

    /// <summary>The comparisons of the treatment that runs the activated version (or of the only treatment).</summary>
    private static async Task<IReadOnlyList<MetricComparison>?> PredictionAsync(IQuerySession session, string experimentId, string verdictId, int version, CancellationToken ct)
    {
        var verdicts = await session.Events.FetchStreamAsync(VerdictRecorded.StreamKey(experimentId), token: ct);
        if (verdicts.Select(e => e.Data).OfType<VerdictRecorded>().FirstOrDefault(v => v.VerdictId == verdictId) is not { } verdict)
            return null;
        var treatments = verdict.Result.Treatments;
        var running = treatments.FirstOrDefault(t => verdict.Input.Design.Variants.Any(v => v.Name == t.Variant && v.ConfigVersion == version));
        return (running ?? (treatments.Count == 1 ? treatments[0] : null))?.Metrics;
    }
}
