using System.Text.Json;
using Marten;
using SelfLearn.Domain.ImpactFactors;
using Decider = SelfLearn.Domain.ImpactFactors.ChangeImpactFactorBounds;

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
    public static Task<TunerOutcome> Handle(ChangeImpactFactorBounds command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<ImpactFactor>(session, command.Key, command.ExpectedVersion,
            stream => Task.FromResult(Decider.Decide(stream.Aggregate!, command.Bounds, command.Default, command.Reason, command.By,
                RunnableFactorValues.Current)),
            $"no impact factor '{command.Key}'.", ct);
}
