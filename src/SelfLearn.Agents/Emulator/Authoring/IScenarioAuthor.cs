using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Authoring;

/// <summary>
/// What to write: one scenario for this persona in this project, starting on this date. <see cref="Seed"/> makes the
/// author's choices repeatable; <see cref="Index"/> is the scenario's place in the library.
/// </summary>
public sealed record ScenarioBrief(string ScenarioId, Persona Persona, string Project, DateTimeOffset Start, int Seed, int Index);

/// <summary>
/// The seam that writes simulated users' scenarios: the offline default is template-driven and deterministic; an
/// LLM-driven author stands behind the same interface when a provider is configured. Whatever it returns must pass
/// <see cref="ScenarioValidator"/> before it is used.
/// </summary>
public interface IScenarioAuthor
{
    /// <summary>Name recorded as the set's generator, with its version (e.g. "template-v1").</summary>
    string Generator { get; }

    Task<Scenario> WriteAsync(ScenarioBrief brief, CancellationToken ct);
}

/// <summary>An author's output that is not a valid scenario; the library counts it and asks again.</summary>
public sealed class ScenarioRejectedException(string scenarioId, ScenarioError error)
    : Exception($"scenario '{scenarioId}' was rejected: {error}")
{
    public ScenarioError Error { get; } = error;
}
