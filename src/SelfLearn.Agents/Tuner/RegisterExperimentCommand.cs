using Marten;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Agents.Tuner;

public sealed record RegisterExperimentCommand(
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<ExperimentVariant> Variants,
    AssignmentUnit AssignmentUnit,
    string? Description,
    string By);

public static class RegisterExperimentHandler
{
    public static async Task<TunerOutcome> Handle(RegisterExperimentCommand command, IDocumentSession session, CancellationToken ct)
    {
        var streamKey = Experiment.StreamKey(command.ExperimentId);
        var exists = await session.Events.FetchStreamStateAsync(streamKey, ct) is not null;
        var deployment = await session.LoadAsync<Deployment>(command.DeploymentId, ct);
        var ids = command.Variants.Take(RegisterExperiment.MaxVariants).Select(v => ConfigVersionView.IdFor(command.DeploymentId, v.ConfigVersion)).Distinct().ToArray();
        var known = (await session.LoadManyAsync<ConfigVersionView>(ct, ids)).Select(v => v.ConfigVersion).ToHashSet();

        var decision = RegisterExperiment.Decide(command.ExperimentId, exists, deployment, command.DeploymentId, command.Variants,
            known.Contains, command.AssignmentUnit, command.Description, command.By);
        return await StreamWrites.Start<Experiment>(session, streamKey, decision, ct);
    }
}
