using System.Text.RegularExpressions;

namespace SelfLearn.Domain.Scenarios;

/// <summary>
/// Checks everything the emulator and the Teacher rely on, in document order, and reports the first problem with
/// its JSON path: ids unique and referenced ids present, dates in order, golden evidence consistent with the
/// timeline, and no golden answer resting on a fact that an update had already replaced when the question is asked.
/// </summary>
public static partial class ScenarioValidator
{
    public const int MaxScenarios = 10_000;
    public const int MaxTextLength = 8000;
    public const int MaxQuestionLength = 2000;

    public static ScenarioError? Validate(ScenarioSet set)
    {
        if (set.Format != ScenarioSet.CurrentFormat)
            return new("$.format", $"must be \"{ScenarioSet.CurrentFormat}\", got \"{set.Format}\".");
        if (!Id().IsMatch(set.Name))
            return new("$.name", "is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        if (string.IsNullOrWhiteSpace(set.Generator))
            return new("$.generator", "is required (what wrote the set, e.g. \"template-v1\" or \"hand-written\").");
        if (set.Personas.Count == 0)
            return new("$.personas", "needs at least one persona.");

        var personas = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Personas.Count; i++)
            if (ValidatePersona(set.Personas[i], $"$.personas[{i}]", personas) is { } error)
                return error;

        if (set.Scenarios.Count is 0 or > MaxScenarios)
            return new("$.scenarios", $"must hold 1 to {MaxScenarios} scenarios.");
        var scenarioIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Scenarios.Count; i++)
        {
            var path = $"$.scenarios[{i}]";
            var scenario = set.Scenarios[i];
            if (!Id().IsMatch(scenario.Id))
                return new($"{path}.id", $"'{scenario.Id}' is not an id: 1-63 lower-case letters, digits, '-' or '_'.");
            if (!scenarioIds.Add(scenario.Id))
                return new($"{path}.id", $"scenario id '{scenario.Id}' is used twice.");
            if (ScenarioRules.Validate(scenario, path, personas) is { } error)
                return error;
        }
        return null;
    }

    /// <summary>One scenario on its own, as an author writes it; paths point into "$.scenarios[0]".</summary>
    public static ScenarioError? ValidateOne(Scenario scenario, Persona persona, string generator) =>
        Validate(new ScenarioSet(ScenarioSet.CurrentFormat, "authored", null, null, generator, [persona], [scenario]));

    private static ScenarioError? ValidatePersona(Persona persona, string path, HashSet<string> seen)
    {
        if (!Id().IsMatch(persona.Id))
            return new($"{path}.id", $"'{persona.Id}' is not an id: 1-63 lower-case letters, digits, '-' or '_'.");
        if (!seen.Add(persona.Id))
            return new($"{path}.id", $"persona id '{persona.Id}' is used twice.");
        if (string.IsNullOrWhiteSpace(persona.Name))
            return new($"{path}.name", "is required.");
        if (string.IsNullOrWhiteSpace(persona.Style))
            return new($"{path}.style", "is required (e.g. \"terse\", \"chatty\").");
        if (!PersonaLevels.All.Contains(persona.Verbosity))
            return new($"{path}.verbosity", $"is one of {string.Join(", ", PersonaLevels.All)}.");
        if (!PersonaLevels.All.Contains(persona.Patience))
            return new($"{path}.patience", $"is one of {string.Join(", ", PersonaLevels.All)}.");
        return null;
    }

    /// <summary>Set, persona and scenario ids: lower-case letters, digits, '-' and '_'.</summary>
    public static bool IsId(string value) => Id().IsMatch(value);

    /// <summary>Ids inside a scenario (facts, sessions, turns, questions); LoCoMo dia_ids such as "D1:3" fit.</summary>
    public static bool IsLocalId(string value) => LocalId().IsMatch(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    internal static partial Regex Id();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_:.-]{0,62}$")]
    internal static partial Regex LocalId();
}
