using System.Text.RegularExpressions;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Authoring;

/// <summary>
/// A model's reply checked as strictly as a scenario file: one JSON object (a ```json fence is tolerated), the exact
/// shape, the id and persona asked for, and every validator rule. Paths are relative to the reply ("$.questions[2]").
/// </summary>
internal static partial class ScenarioReply
{
    public static Scenario Read(string? reply, ScenarioBrief brief, string generator)
    {
        var json = JsonObjectIn(reply ?? string.Empty) ?? throw Rejected(brief, "$", "the reply holds no JSON object.");
        var (scenario, error) = ScenarioJson.ParseScenario(json);
        if (scenario is null)
            throw new ScenarioRejectedException(brief.ScenarioId, error!);
        if (scenario.Id != brief.ScenarioId)
            throw Rejected(brief, "$.id", $"must be \"{brief.ScenarioId}\", the scenario asked for; got \"{scenario.Id}\".");
        if (scenario.PersonaId != brief.Persona.Id)
            throw Rejected(brief, "$.personaId", $"must be \"{brief.Persona.Id}\", the persona asked for; got \"{scenario.PersonaId}\".");

        // Models restyle a project name ("Acme CRM" for "acme-crm"); it is ours to set, not theirs to get wrong.
        scenario = scenario with { Project = brief.Project };
        if (ScenarioValidator.ValidateOne(scenario, brief.Persona, generator) is { } invalid)
            throw Rejected(brief, RelativeToReply(invalid.Path), invalid.Message);
        return scenario;
    }

    private static string? JsonObjectIn(string reply)
    {
        var fenced = Fence().Match(reply);
        var text = fenced.Success ? fenced.Groups[1].Value : reply;
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    private static string RelativeToReply(string path) =>
        path.StartsWith("$.scenarios[0]", StringComparison.Ordinal) ? "$" + path["$.scenarios[0]".Length..] : path;

    private static ScenarioRejectedException Rejected(ScenarioBrief brief, string path, string message) =>
        new(brief.ScenarioId, new ScenarioError(path, message));

    [GeneratedRegex(@"```(?:json)?\s*(.*?)```", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Fence();
}
