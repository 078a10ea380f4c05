using System.Globalization;
using SelfLearn.Agents.Maas;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Running;

/// <summary>Who plays what: the deployment and experiment under test, the variants, and the tag of this simulation.</summary>
public sealed record SimulationSettings(string SimulationId, string DeploymentId, string ExperimentId, IReadOnlyList<string> Variants);

/// <summary>
/// One thread as sent: a session is one ingest request (its turns as memories); a question thread is the question and
/// its follow-ups, asked one after another.
/// </summary>
public sealed record PlannedThread(string ThreadId, string Kind, IngestRequest? Ingest, IReadOnlyList<QueryRequest> Queries)
{
    public const string Session = "session";
    public const string Question = "question";

    public int Requests => (Ingest is null ? 0 : 1) + Queries.Count;
}

/// <summary>One scenario played for one variant, by a user of its own so variants never share memories.</summary>
public sealed record ScenarioRun(string Variant, string ScenarioId, string UserId, IReadOnlyList<PlannedThread> Threads);

/// <summary>
/// Every request of a simulation, decided before anything is sent. Paired mode: each variant gets the same threads,
/// differing only in the user id and the variant tag, so the Teacher can pair results by example id.
/// </summary>
public sealed record SimulationPlan(SimulationSettings Settings, IReadOnlyList<ScenarioRun> Runs)
{
    public int Requests => Runs.Sum(r => r.Threads.Sum(t => t.Requests));

    public int Dialogs => Runs.Sum(r => r.Threads.Count);

    public static SimulationPlan Build(ScenarioSet set, SimulationSettings settings) =>
        new(settings, [.. set.Scenarios.SelectMany(scenario => settings.Variants.Select(variant => Run(scenario, variant, settings)))]);

    public static string UserId(string simulationId, string scenarioId, string variant) => $"{simulationId}.{scenarioId}.{variant}";

    public static string ExampleId(string scenarioId, string questionId, string? followUpId = null) =>
        followUpId is null ? $"{scenarioId}/{questionId}" : $"{scenarioId}/{questionId}/{followUpId}";

    private static ScenarioRun Run(Scenario scenario, string variant, SimulationSettings settings)
    {
        var user = UserId(settings.SimulationId, scenario.Id, variant);
        var sessions = scenario.Sessions.Select(session => new PlannedThread(session.Id, PlannedThread.Session,
            new IngestRequest(settings.DeploymentId, user, session.Id, [.. session.Turns.Select((turn, i) =>
                    new IngestItem(turn.Text, turn.Speaker, Iso(session.Date.AddMinutes(i)), turn.Id, session.Id))],
                settings.ExperimentId, variant, CycleTypes.Offline, settings.SimulationId), []));
        var questions = scenario.Questions.OrderBy(q => q.AskedAt).Select(question => new PlannedThread($"ask-{question.Id}", PlannedThread.Question, null,
            [
                Query(settings, user, variant, question.Id, question.Text, question.AskedAt, ExampleId(scenario.Id, question.Id)),
                .. question.FollowUps.Select((followUp, i) => Query(settings, user, variant, question.Id, followUp.Text,
                    question.AskedAt.AddMinutes(i + 1), ExampleId(scenario.Id, question.Id, followUp.Id))),
            ]));
        return new ScenarioRun(variant, scenario.Id, user, [.. sessions, .. questions]);
    }

    private static QueryRequest Query(
        SimulationSettings settings, string user, string variant, string questionId, string text, DateTimeOffset at, string exampleId) =>
        new(settings.DeploymentId, user, $"ask-{questionId}", text, settings.ExperimentId, variant, CycleTypes.Offline, Iso(at),
            settings.SimulationId, exampleId);

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
