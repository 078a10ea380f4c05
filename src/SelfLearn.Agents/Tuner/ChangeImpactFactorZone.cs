using Marten;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

public sealed record ChangeImpactFactorZone(string Key, FactorZone Zone, string Reason, string By, long? ExpectedVersion);

public static class ChangeImpactFactorZoneHandler
{
    public static Decision Decide(ChangeImpactFactorZone c, ImpactFactor factor) =>
        factor.Zone == c.Zone
            ? Decision.Refuse($"{c.Key} is already in the {c.Zone.ToString().ToLowerInvariant()} zone.")
            : Decision.Accept(new FactorZoneChanged(c.Key, factor.Zone, c.Zone, c.Reason, c.By));

    public static Task<TunerOutcome> Handle(ChangeImpactFactorZone command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<ImpactFactor>(session, command.Key, command.ExpectedVersion,
            stream => Task.FromResult(Decide(command, stream.Aggregate!)), $"no impact factor '{command.Key}'.", ct);
}
