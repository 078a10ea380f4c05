using System.Globalization;
using SelfLearn.Agents.Emulator.Library.Writing;
using SelfLearn.Agents.Maas;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Live;

/// <summary>Who plays live users where: <see cref="RunId"/> prefixes the users, <see cref="Seed"/> orders the questions and picks who rates.</summary>
public sealed record LiveSettings(string RunId, string DeploymentId, int Seed);

/// <summary>One question a live user asks, with the answer that user knows to be right (what they told the assistant).</summary>
public sealed record LiveQuestion(string UserId, string ThreadId, string Text, GoldenAnswer Golden);

/// <summary>
/// Live users: one per scenario, who first tells their sessions (ingest) and then asks their questions as ordinary
/// traffic: no experiment, no variant, no simulation tag, cycle type <c>online</c>, so the MaaS treats them as real users
/// (and splits them when an online experiment runs). Question threads are shuffled by the seed across users; a
/// thread's follow-ups stay in order after its question. Traffic longer than the questions asks them again, in new threads.
/// </summary>
public sealed record LivePlan(LiveSettings Settings, IReadOnlyList<IngestRequest> Ingests, IReadOnlyList<LiveQuestion> Questions)
{
    public IEnumerable<string> Users => Ingests.Select(i => i.UserId!).Concat(Questions.Select(q => q.UserId)).Distinct(StringComparer.Ordinal);

    public static string UserId(string runId, string scenarioId) => $"live.{runId}.{scenarioId}";

    public static LivePlan Build(ScenarioSet set, LiveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(settings);
        var ingests = set.Scenarios.SelectMany(scenario => scenario.Sessions.Select(session =>
            new IngestRequest(settings.DeploymentId, UserId(settings.RunId, scenario.Id), session.Id,
                [.. session.Turns.Select((turn, i) => new IngestItem(turn.Text, turn.Speaker, Iso(session.Date.AddMinutes(i)), turn.Id, session.Id))],
                CycleType: CycleTypes.Online))).ToList();
        var threads = set.Scenarios.SelectMany(scenario => scenario.Questions.Select(question =>
        {
            var user = UserId(settings.RunId, scenario.Id);
            var thread = $"ask-{scenario.Id}-{question.Id}";
            return (IReadOnlyList<LiveQuestion>)
            [
                new LiveQuestion(user, thread, question.Text, question.Golden),
                .. question.FollowUps.Select(followUp => new LiveQuestion(user, thread, followUp.Text, question.Golden)),
            ];
        }));
        var shuffled = new Random(settings.Seed).Shuffled(threads);
        return new LivePlan(settings, ingests, [.. shuffled.SelectMany(thread => thread)]);
    }

    /// <summary>The <paramref name="index"/>-th request of the traffic: round r asks every question again in threads suffixed <c>-r</c>.</summary>
    public QueryRequest Query(long index)
    {
        var question = Questions[(int)(index % Questions.Count)];
        var round = index / Questions.Count;
        var thread = round == 0 ? question.ThreadId : string.Create(CultureInfo.InvariantCulture, $"{question.ThreadId}-{round}");
        return new QueryRequest(Settings.DeploymentId, question.UserId, thread, question.Text, CycleType: CycleTypes.Online);
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
