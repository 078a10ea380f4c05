using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Locomo;

/// <summary>A LoCoMo file as a scenario set, with what could not become a valid golden example and why.</summary>
public sealed record LocomoConversion(ScenarioSet Set, IReadOnlyList<string> Skipped);
