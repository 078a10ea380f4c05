using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Autonomy;
using Decider = SelfLearn.Domain.Manager.Autonomy.SetAutonomyPolicy;

namespace SelfLearn.Agents.Manager.Autonomy;

/// <summary>A new version of a deployment's autonomy policy; <see cref="ExpectedVersion"/> is the policy stream's version the client read (0: none yet).</summary>
public sealed record SetAutonomyPolicy(string DeploymentId, AutonomyPolicy Policy, string Reason, string By, long? ExpectedVersion);

public static class SetAutonomyPolicyHandler
{
    public static async Task<TunerOutcome> Handle(SetAutonomyPolicy command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var streamKey = DeploymentAutonomy.StreamKey(command.DeploymentId);
        try
        {
            var batch = session.CreateBatchQuery();
            var deployment = batch.Load<Deployment>(command.DeploymentId);
            var fetch = command.ExpectedVersion is { } expected
                ? batch.Events.FetchForWriting<DeploymentAutonomy>(streamKey, expected)
                : batch.Events.FetchForWriting<DeploymentAutonomy>(streamKey);
            await batch.Execute(ct);
            if (await deployment is null)
                return TunerOutcome.NotFound($"no deployment '{command.DeploymentId}'.");

            var stream = await fetch;
            var decision = Decider.Decide(command.DeploymentId, stream.Aggregate, command.Policy, catalog, command.Reason, command.By);
            var outcome = TunerOutcome.From(decision, stream.CurrentVersion ?? 0);
            if (outcome.Status != TunerStatus.Accepted)
                return outcome;
            stream.AppendMany(outcome.Events);
            await session.SaveChangesAsync(ct);
            return outcome;
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            return TunerOutcome.Conflict(ConcurrencyErrors.Describe(streamKey, command.ExpectedVersion));
        }
    }
}
