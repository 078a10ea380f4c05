using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Tuner;
using Decider = SelfLearn.Domain.Manager.Goals.StateGoal;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>A goal in words (<paramref name="Text"/>) or as a formal goal (<paramref name="Goal"/>): exactly one of them.</summary>
public sealed record StateGoal(string GoalId, string? Text, FormalGoalInput? Goal, int? Priority, string By);

public static class StateGoalHandler
{
    /// <summary>Formalise (the configured formaliser for words), check with the goal rules, start the goal's stream.</summary>
    public static async Task<TunerOutcome> Handle(
        StateGoal command, IDocumentSession session, IGoalFormaliser formaliser, CatalogCache catalogCache, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var formalised = command.Text is { } text
            ? await formaliser.FormaliseAsync(text, catalog, ct)
            : new Formalised(command.Goal!.ToFormal(GoalLanguage.English), GoalSource.Json, []);
        if (formalised.Goal is not { } goal)
            return TunerOutcome.From(Decision.Reject(formalised.Violations), 0);

        var batch = session.CreateBatchQuery();
        var existing = batch.Load<Goal>(Domain.Manager.Goals.Goal.StreamKey(command.GoalId));
        var deployment = goal.Deployment is { } deploymentId && Domain.Configuration.OpenDeployment.IdPattern().IsMatch(deploymentId) ? batch.Load<Deployment>(deploymentId) : Task.FromResult<Deployment?>(null);
        await batch.Execute(ct);
        var known = await deployment;

        var stated = new GoalStated(command.GoalId, command.Text, goal.Language, goal, formalised.Source, command.Priority ?? GoalDefaults.Priority, command.By);
        var decision = Decider.Decide(stated, await existing is not null, catalog, id => known?.Id == id);
        return await StreamWrites.Start<Goal>(session, Domain.Manager.Goals.Goal.StreamKey(command.GoalId), decision, ct);
    }
}
