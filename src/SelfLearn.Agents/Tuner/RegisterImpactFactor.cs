using System.Text.Json;
using Marten;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tuner;

public sealed record RegisterImpactFactor(
    string Key,
    FactorType Type,
    FactorBounds Bounds,
    JsonElement Default,
    string? Unit,
    string Description,
    FactorZone Zone,
    string By);

public static class RegisterImpactFactorHandler
{
    public static Decision Decide(RegisterImpactFactor c)
    {
        var violations = FactorDefinitionRules.Check(c.Key, c.Type, c.Bounds, c.Default, RunnableFactorValues.Current);
        return violations.Count > 0
            ? Decision.Reject(violations)
            : Decision.Accept(new FactorRegistered(c.Key, c.Type, c.Bounds, c.Default.Clone(), c.Unit, c.Description, c.Zone, c.By));
    }

    public static Task<TunerOutcome> Handle(RegisterImpactFactor command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Start<ImpactFactor>(session, command.Key, Decide(command), ct);
}
