using Marten;
using SelfLearn.Domain.ImpactFactors;
using Decider = SelfLearn.Domain.ImpactFactors.ChangeImpactFactorZone;

namespace SelfLearn.Agents.Tuner;

public sealed record ChangeImpactFactorZone(string Key, FactorZone Zone, string Reason, string By, long? ExpectedVersion);

public static class ChangeImpactFactorZoneHandler
{
    public static Task<TunerOutcome> Handle(ChangeImpactFactorZone command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<ImpactFactor>(session, command.Key, command.ExpectedVersion,
            stream => Task.FromResult(Decider.Decide(stream.Aggregate!, command.Zone, command.Reason, command.By)),
            $"no impact factor '{command.Key}'.", ct);
}
