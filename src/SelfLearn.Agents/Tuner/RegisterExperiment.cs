using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Projections.Configuration;
using Decider = SelfLearn.Domain.Experiments.RegisterExperiment;

namespace SelfLearn.Agents.Tuner;

public sealed record RegisterExperiment(
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<ExperimentVariant> Variants,
    AssignmentUnit AssignmentUnit,
    string? Description,
    string By);

public static class RegisterExperimentHandler
{
    /// <summary>Whether the experiment exists, its deployment and the variants' versions: one round trip.</summary>
    public static async Task<TunerOutcome> Handle(RegisterExperiment command, IDocumentSession session, CancellationToken ct)
    {
        var streamKey = Experiment.StreamKey(command.ExperimentId);
        var ids = command.Variants.Take(Decider.MaxVariants).Select(v => ConfigVersionView.IdFor(command.DeploymentId, v.ConfigVersion)).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var existing = batch.Load<Experiment>(streamKey);
        var deployment = batch.Load<Deployment>(command.DeploymentId);
        var versions = batch.LoadMany<ConfigVersionView>().ById(ids);
        await batch.Execute(ct);
        var known = (await versions).Select(v => v.ConfigVersion).ToHashSet();

        var decision = Decider.Decide(command.ExperimentId, await existing is not null, await deployment, command.DeploymentId, command.Variants,
            known.Contains, command.AssignmentUnit, command.Description, command.By);
        return await StreamWrites.Start<Experiment>(session, streamKey, decision, ct);
    }
}
