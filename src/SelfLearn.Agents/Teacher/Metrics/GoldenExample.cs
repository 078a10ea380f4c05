using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// One question the emulator asks, as the Teacher joins it to a run: its example id is the run's <c>example_id</c>
/// (<see cref="SimulationPlan.ExampleId"/>), and a follow-up is an example of its own sharing its question's truth.
/// </summary>
public sealed record GoldenExample(
    string ExampleId,
    string ScenarioId,
    string QuestionId,
    string? FollowUpId,
    string Kind,
    string Persona,
    string Project,
    IReadOnlyList<string> EvidenceSourceIds,
    string GoldenAnswer,
    bool Answerable)
{
    public static IEnumerable<GoldenExample> Of(ScenarioSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        foreach (var (scenario, question) in set.Questions)
        {
            yield return Example(scenario, question, null);
            foreach (var followUp in question.FollowUps)
                yield return Example(scenario, question, followUp.Id);
        }
    }

    private static GoldenExample Example(Scenario scenario, GoldenQuestion question, string? followUpId) => new(
        SimulationPlan.ExampleId(scenario.Id, question.Id, followUpId), scenario.Id, question.Id, followUpId, question.Kind, scenario.PersonaId,
        scenario.Project, [.. question.Golden.EvidenceTurns.Distinct(StringComparer.Ordinal)], question.Golden.Answer, !question.Golden.Abstain);
}
