using System.Globalization;
using SelfLearn.Agents.Locomo;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Locomo;

/// <summary>
/// LoCoMo conversations as a scenario set: one scenario per conversation, its sessions and turns as they are (turn ids
/// are the dia_ids, so evidence and memory source ids stay comparable), and its QA items as golden questions asked
/// the day after the last session. LoCoMo annotates no facts, so golden answers rest on evidence turns alone.
/// </summary>
public static class LocomoScenarios
{
    public const string Project = "locomo";
    public const string Generator = "locomo-import-v1";

    public static Persona Speaker { get; } = new("locomo-speaker", "LoCoMo speaker", "casual, personal, talks with a friend", "high", "high",
        "Either of the two friends of a LoCoMo conversation; they tell each other about their lives over many sessions.");

    public static LocomoConversion Convert(IReadOnlyList<LocomoConversation> conversations, string name)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var skipped = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var scenarios = new List<Scenario>();
        foreach (var conversation in conversations)
            if (ToScenario(conversation, UniqueId(conversation.SampleId, ids), skipped) is { } scenario)
                scenarios.Add(scenario);
        var description = $"LoCoMo conversations {string.Join(", ", conversations.Select(c => c.SampleId))} as scenarios; "
            + "no fact annotations, golden answers rest on evidence turns (dia_ids).";
        var set = new ScenarioSet(ScenarioSet.CurrentFormat, name, description, null, Generator, [Speaker], scenarios);
        return new LocomoConversion(set, skipped);
    }

    private static Scenario? ToScenario(LocomoConversation conversation, string id, List<string> skipped)
    {
        var turnIds = new HashSet<string>(StringComparer.Ordinal);
        var sessions = conversation.Sessions
            .OrderBy(s => s.Date).ThenBy(s => s.Number)
            .Select(s => new ScenarioSession($"session-{s.Number.ToString(CultureInfo.InvariantCulture)}", s.Date,
                s.Turns.Select(t => ToTurn(conversation.SampleId, t, turnIds, skipped)).OfType<ScenarioTurn>().ToList()))
            .Where(s => s.Turns.Count > 0)
            .ToList();
        if (sessions.Count == 0)
        {
            skipped.Add($"{conversation.SampleId}: no usable turn, so no scenario.");
            return null;
        }

        var askedAt = sessions[^1].Date.AddDays(1);
        var questions = conversation.Questions
            .Select((q, index) => LocomoGoldenQuestions.ToQuestion(conversation.SampleId, q, index, askedAt, turnIds, skipped))
            .OfType<GoldenQuestion>()
            .ToList();
        if (questions.Count == 0)
        {
            skipped.Add($"{conversation.SampleId}: no usable question, so no scenario.");
            return null;
        }
        return new Scenario(id, Project, Speaker.Id, Intent(conversation, sessions), [], sessions, questions);
    }

    private static ScenarioTurn? ToTurn(string sampleId, LocomoTurn turn, HashSet<string> turnIds, List<string> skipped)
    {
        var problem =
            !ScenarioValidator.IsLocalId(turn.DiaId) ? "is not a turn id the scenario format accepts"
            : turnIds.Contains(turn.DiaId) ? "is used twice"
            : string.IsNullOrWhiteSpace(turn.Speaker) ? "has no speaker"
            : string.IsNullOrWhiteSpace(turn.MemoryText) || turn.MemoryText.Length > ScenarioValidator.MaxTextLength ? "has no text or too much"
            : null;
        if (problem is not null)
        {
            skipped.Add($"{sampleId} turn '{turn.DiaId}' {problem}; left out.");
            return null;
        }
        turnIds.Add(turn.DiaId);
        return new ScenarioTurn(turn.DiaId, turn.Speaker, turn.MemoryText, [], TurnActs.Reveal);
    }

    private static string Intent(LocomoConversation conversation, IReadOnlyList<ScenarioSession> sessions) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{conversation.SpeakerA} and {conversation.SpeakerB} catch up over {sessions.Count} sessions from {sessions[0].Date:d MMMM yyyy} "
            + $"to {sessions[^1].Date:d MMMM yyyy} (LoCoMo {conversation.SampleId}); the questions ask what they told each other.");

    private static string UniqueId(string sampleId, HashSet<string> taken)
    {
        var id = ScenarioIds.Sanitize(sampleId) ?? "conversation";
        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
            unique = $"{id[..Math.Min(id.Length, ScenarioIds.MaxLength - 6)]}-{n.ToString(CultureInfo.InvariantCulture)}";
        return unique;
    }
}
