using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Goals;
using Decider = SelfLearn.Domain.Manager.Goals.EditGoal;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>A new formal form for a stated or confirmed goal; it is stated again and needs a new confirmation.</summary>
public sealed record EditGoal(string GoalId, FormalGoalInput Goal, string? Reason, string By, long? ExpectedVersion);

public static class EditGoalHandler
{
    public static async Task<TunerOutcome> Handle(EditGoal command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var deploymentId = command.Goal.Deployment ?? GoalDefaults.Deployment;
        return await StreamWrites.Write<Goal, Deployment>(session, Goal.StreamKey(command.GoalId), command.ExpectedVersion,
            Domain.Configuration.OpenDeployment.IdPattern().IsMatch(deploymentId) ? deploymentId : null,
            (stream, deployment) => Task.FromResult(Decider.Decide(stream.Aggregate!, command.Goal.ToFormal(stream.Aggregate!.Language), command.Reason,
                command.By, catalog, id => deployment?.Id == id)),
            $"no goal '{command.GoalId}'.", ct);
    }
}
