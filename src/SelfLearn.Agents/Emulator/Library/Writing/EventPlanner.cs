using SelfLearn.Agents.Emulator.Library.Templates;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>
/// Dated events, told relative to the session ("yesterday", "on Monday") or with a date, and the temporal questions
/// about them: when one happened, and which of two came first.
/// </summary>
internal static class EventPlanner
{
    private static readonly IReadOnlyList<string> WhenQuestions = ["When did I {ask}?", "What date did I {ask}?", "On which day did I {ask}?", "What day was it when I {did}?"];

    private static readonly IReadOnlyList<string> OrderQuestions =
        ["Which came first: {first} or {second}?", "Did {first} happen before or after {second}?", "What happened earlier, {first} or {second}?"];

    public static (Telling Telling, DateTimeOffset Day) Tell(EventTemplate template, int session, DateTimeOffset sessionDate, Random rng)
    {
        var daysBefore = rng.Next(1, 10);
        var day = SessionCalendar.DayOf(sessionDate, daysBefore);
        var when = daysBefore switch
        {
            1 => "yesterday",
            <= 6 when rng.Chance(0.5) => $"on {day.DayOfWeek}",
            _ => $"on {TemplateText.Day(day)}",
        };
        var sentence = rng.Chance(0.5)
            ? TemplateText.Capitalized($"{when} I {template.Did}.")
            : $"I {template.Did} {when}.";
        var fact = new ScenarioFact(template.Key, FactKinds.Event, $"I {template.Did} on {TemplateText.FullDate(day)}.", HappenedAt: day);
        return (new Telling(fact, sentence, session), day);
    }

    public static QuestionDraft When(EventTemplate template, DateTimeOffset day, Random rng) => new(
        QuestionKinds.Temporal,
        rng.Pick(WhenQuestions).Replace("{ask}", template.Ask, StringComparison.Ordinal).Replace("{did}", template.Did, StringComparison.Ordinal),
        TemplateText.FullDate(day),
        [template.Key]);

    public static QuestionDraft? Order(IReadOnlyList<(EventTemplate Template, DateTimeOffset Day)> events, Random rng)
    {
        var pairs = events.SelectMany((a, i) => events.Skip(i + 1).Where(b => b.Day != a.Day).Select(b => (A: a, B: b))).ToList();
        if (pairs.Count == 0)
            return null;
        var (a, b) = rng.Pick(pairs);
        var (earlier, later) = a.Day < b.Day ? (a, b) : (b, a);
        var text = rng.Pick(OrderQuestions)
            .Replace("{first}", a.Template.Noun, StringComparison.Ordinal)
            .Replace("{second}", b.Template.Noun, StringComparison.Ordinal);
        var answer = TemplateText.Capitalized(
            $"{earlier.Template.Noun} ({TemplateText.FullDate(earlier.Day)}), before {later.Template.Noun} ({TemplateText.FullDate(later.Day)})");
        return new(QuestionKinds.Temporal, text, answer, [earlier.Template.Key, later.Template.Key]);
    }
}
