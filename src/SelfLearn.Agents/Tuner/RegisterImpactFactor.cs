using System.Text.Json;
using Marten;
using SelfLearn.Domain.ImpactFactors;
using Decider = SelfLearn.Domain.ImpactFactors.RegisterImpactFactor;

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
    public static Task<TunerOutcome> Handle(RegisterImpactFactor command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Start<ImpactFactor>(session, command.Key, Decider.Decide(command.Key, command.Type, command.Bounds, command.Default,
            command.Unit, command.Description, command.Zone, command.By, RunnableFactorValues.Current), ct);
}
