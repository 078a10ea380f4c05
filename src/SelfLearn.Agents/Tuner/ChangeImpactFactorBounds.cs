using System.Text.Json;
using Marten;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

/// <summary>New bounds (and optionally a new default that fits them) for a factor; versions already created keep their values.</summary>
public sealed record ChangeImpactFactorBounds(
    string Key,
    FactorBounds Bounds,
    JsonElement? Default,
    string Reason,
    string By,
    long? ExpectedVersion);

public static class ChangeImpactFactorBoundsHandler
{
    public static Decision Decide(ChangeImpactFactorBounds c, ImpactFactor factor)
    {
        var newDefault = c.Default ?? factor.Default;
        var violations = FactorDefinitionRules.Check(c.Key, factor.Type, c.Bounds, newDefault, RunnableFactorValues.Current);
        if (violations.Count > 0)
            return Decision.Reject(violations);
        if (factor.Zone == FactorZone.Frozen)
            return Decision.Reject([new Violation(c.Key, ViolationRule.FrozenFactor, $"{c.Key} is frozen: unfreeze it (change its zone) first.")]);
        return Decision.Accept(new FactorBoundsChanged(c.Key, c.Bounds, newDefault.Clone(), c.Reason, c.By));
    }

    public static Task<TunerOutcome> Handle(ChangeImpactFactorBounds command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<ImpactFactor>(session, command.Key, command.ExpectedVersion,
            stream => Task.FromResult(Decide(command, stream.Aggregate!)), $"no impact factor '{command.Key}'.", ct);
}
