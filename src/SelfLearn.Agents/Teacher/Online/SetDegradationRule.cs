using Marten;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Tuner;
using Decider = SelfLearn.Domain.Teacher.Online.SetDegradationRule;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>Sets (or replaces) a deployment-wide degradation rule; <see cref="ExpectedVersion"/> is the rules stream's version the client read (0: none yet).</summary>
public sealed record SetDegradationRule(string DeploymentId, string Name, RollbackCondition Rule, string Reason, string By, long? ExpectedVersion);

/// <summary>Removes a deployment-wide degradation rule.</summary>
public sealed record RemoveDegradationRule(string DeploymentId, string Name, string Reason, string By, long? ExpectedVersion);

public static class SetDegradationRuleHandler
{
    public static Task<TunerOutcome> Handle(SetDegradationRule command, IDocumentSession session, IOptions<OnlineOptions> online, CancellationToken ct) =>
        WriteAsync(session, command.DeploymentId, command.ExpectedVersion,
            rules => Decider.Decide(command.DeploymentId, rules, command.Name, command.Rule, online.Value.WindowSeconds, command.Reason, command.By), ct);

    public static Task<TunerOutcome> Handle(RemoveDegradationRule command, IDocumentSession session, CancellationToken ct) =>
        WriteAsync(session, command.DeploymentId, command.ExpectedVersion,
            rules => Decider.Remove(command.DeploymentId, rules, command.Name, command.Reason, command.By), ct);

    private static async Task<TunerOutcome> WriteAsync(
        IDocumentSession session, string deploymentId, long? expectedVersion, Func<DegradationRules?, Decision> decide, CancellationToken ct)
    {
        var streamKey = DegradationRules.StreamKey(deploymentId);
        try
        {
            var batch = session.CreateBatchQuery();
            var deployment = batch.Load<Deployment>(deploymentId);
            var fetch = expectedVersion is { } expected
                ? batch.Events.FetchForWriting<DegradationRules>(streamKey, expected)
                : batch.Events.FetchForWriting<DegradationRules>(streamKey);
            await batch.Execute(ct);
            if (await deployment is null)
                return TunerOutcome.NotFound($"no deployment '{deploymentId}'.");

            var stream = await fetch;
            var outcome = TunerOutcome.From(decide(stream.Aggregate), stream.CurrentVersion ?? 0);
            if (outcome.Status != TunerStatus.Accepted || outcome.Events.Count == 0)
                return outcome;
            stream.AppendMany(outcome.Events);
            await session.SaveChangesAsync(ct);
            return outcome;
        }
        catch (Exception e) when (ConcurrencyErrors.IsConflict(e))
        {
            return TunerOutcome.Conflict(ConcurrencyErrors.Describe(streamKey, expectedVersion));
        }
    }
}
