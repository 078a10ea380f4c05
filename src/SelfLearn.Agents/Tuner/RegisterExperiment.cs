using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Experiments;
using SelfLearn.Projections.Configuration;
using Decider = SelfLearn.Domain.Experiments.RegisterExperiment;

namespace SelfLearn.Agents.Tuner;

/// <summary>Registers an experiment with its design; without one (<see cref="DesignProposal.None"/>) every default applies.</summary>
public sealed record RegisterExperiment(
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<ExperimentVariant> Variants,
    AssignmentUnit AssignmentUnit,
    string? Description,
    string By,
    DesignProposal? Design = null);

public static class RegisterExperimentHandler
{
    /// <summary>Whether the experiment exists, its deployment, the variants' versions and the design's dataset: one round trip.</summary>
    public static async Task<TunerOutcome> Handle(RegisterExperiment command, IDocumentSession session, CancellationToken ct)
    {
        var streamKey = Experiment.StreamKey(command.ExperimentId);
        var proposal = command.Design ?? DesignProposal.None;
        var ids = command.Variants.Take(Decider.MaxVariants).Select(v => ConfigVersionView.IdFor(command.DeploymentId, v.ConfigVersion)).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var existing = batch.Load<Experiment>(streamKey);
        var deployment = batch.Load<Deployment>(command.DeploymentId);
        var versions = batch.LoadMany<ConfigVersionView>().ById(ids);
        var dataset = proposal.Dataset?.Name is { } name ? batch.Load<GoldenDataset>(GoldenDataset.StreamKey(name)) : Task.FromResult<GoldenDataset?>(null);
        await batch.Execute(ct);
        var known = (await versions).Select(v => v.ConfigVersion).ToHashSet();
        var datasetVersions = (await dataset)?.Versions.Select(v => v.Registered.Version).ToHashSet() ?? [];

        var decision = Decider.Decide(command.ExperimentId, await existing is not null, await deployment, command.DeploymentId, command.Variants,
            known.Contains, command.AssignmentUnit, proposal, reference => datasetVersions.Contains(reference.Version), command.Description, command.By);
        return await StreamWrites.Start<Experiment>(session, streamKey, decision, ct);
    }
}
