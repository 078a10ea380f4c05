using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using SelfLearn.Domain.Experiments;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Projections.Experiments;

/// <summary>A variant of the running online experiment with the parameters of its version, so a query needs no second read.</summary>
public sealed record LiveVariant(string Name, int ConfigVersion, double? Weight, IReadOnlyDictionary<string, JsonElement> Parameters);

/// <summary>
/// The online experiment splitting a deployment's live traffic, keyed by the deployment id: the query path loads it in the
/// same round trip as the deployment. It exists from the experiment's start until it stops, completes or is aborted.
/// </summary>
public sealed record LiveSplit(string Id, string ExperimentId, AssignmentUnit AssignmentUnit, IReadOnlyList<LiveVariant> Variants, DateTimeOffset StartedAt);

public sealed partial class LiveSplitProjection : EventProjection
{
    public LiveSplitProjection()
    {
        Name = "LiveSplits";
        Options.DeleteViewTypeOnTeardown<LiveSplit>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ExperimentStarted started:
                if (await operations.LoadAsync<Experiment>(Experiment.StreamKey(started.ExperimentId), cancellation) is not { } experiment
                    || experiment.Design.Mode != ExperimentMode.Online)
                    return;
                var versions = await operations.LoadManyAsync<ConfigVersionView>(cancellation,
                    [.. experiment.Variants.Select(v => ConfigVersionView.IdFor(experiment.DeploymentId, v.ConfigVersion))]);
                var parameters = versions.DistinctBy(v => v.ConfigVersion).ToDictionary(v => v.ConfigVersion, v => v.Parameters);
                // Inserted, not stored: a second online start racing this one fails on the deployment's key instead of replacing it.
                operations.Insert(new LiveSplit(experiment.DeploymentId, experiment.ExperimentId, experiment.AssignmentUnit,
                    [.. experiment.Variants.Select(v => new LiveVariant(v.Name, v.ConfigVersion, v.Weight, parameters[v.ConfigVersion]))],
                    e.Timestamp.ToMicroseconds()));
                break;
            case ExperimentStopped stopped:
                End(operations, stopped.ExperimentId);
                break;
            case ExperimentCompleted completed:
                End(operations, completed.ExperimentId);
                break;
            case ExperimentAborted aborted:
                End(operations, aborted.ExperimentId);
                break;
        }
    }

    private static void End(IDocumentOperations operations, string experimentId) =>
        operations.DeleteWhere<LiveSplit>(split => split.ExperimentId == experimentId);
}
