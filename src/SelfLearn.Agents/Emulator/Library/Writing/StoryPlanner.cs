using SelfLearn.Agents.Emulator.Library.Templates;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Writing;

/// <summary>
/// Chooses what one scenario tells and when: a two-fact chain and each original fact before its update (in later
/// sessions), three dated events, plain facts (one of them told through a clarification) and preferences that fill
/// the sessions nothing else was told in. Every telling comes with the question drafts it can answer.
/// </summary>
internal sealed class StoryPlanner(ProjectContent content, IReadOnlyDictionary<string, string> cast, IReadOnlyList<DateTimeOffset> dates, PersonaVoice voice, Random rng)
{
    private readonly List<Telling> tellings = [];
    private readonly List<QuestionDraft> drafts = [];

    private int Sessions => dates.Count;

    public Story Plan()
    {
        AddChain(rng.Pick(content.Chains));
        foreach (var update in rng.Shuffled(content.Updates).Take(Sessions >= 4 && rng.Chance(0.5) ? 2 : 1))
            AddUpdate(update);
        AddEvents(rng.Shuffled(content.Events).Take(3).ToList());
        AddFreeFacts();
        foreach (var unknown in rng.Shuffled(content.Unknowns).Take(2))
            drafts.Add(new(QuestionKinds.Unanswerable, TemplateText.Sentence(unknown, cast), "", []));
        return new(tellings, drafts);
    }

    /// <summary>One wording drawn for the question and the next one kept for a follow-up (no extra draw, so seeds keep their stories).</summary>
    private (string Text, string? Rephrased) Asked(IReadOnlyList<string> asks, IReadOnlyDictionary<string, string> values)
    {
        var chosen = rng.Next(asks.Count);
        return (TemplateText.Sentence(asks[chosen], values), asks.Count > 1 ? TemplateText.Sentence(asks[(chosen + 1) % asks.Count], values) : null);
    }

    private void AddChain(ChainTemplate chain)
    {
        var first = rng.Next(Sessions - 1);
        var second = rng.Next(first + 1, Sessions);
        var a = rng.Pick(Candidates(chain.First.Values));
        var b = rng.Pick(Candidates(chain.Second.Values));
        var values = cast.With("a", a).With("b", b);
        tellings.Add(Tell(chain.First, FactKinds.Fact, a, first, values));
        tellings.Add(Tell(chain.Second, FactKinds.Fact, b, second, values));
        var (text, rephrased) = Asked(chain.Ask, values);
        drafts.Add(new(QuestionKinds.MultiHop, text, TemplateText.Fill(chain.Answer, values), [chain.First.Key, chain.Second.Key], rephrased));
    }

    private void AddUpdate(UpdateTemplate update)
    {
        var told = rng.Next(Sessions - 1);
        var changed = rng.Next(told + 1, Sessions);
        var values = rng.Shuffled(Candidates(update.Values));
        var (before, after) = (values[0], values[1]);
        var newId = update.Key + "-update";
        var original = TemplateText.Sentence(voice.Choose(update.Tell, rng), cast.With("v", before));
        var change = TemplateText.Sentence(rng.Pick(update.Change), cast.With("v", after));
        tellings.Add(new(new ScenarioFact(update.Key, update.Kind, original), original, told));
        tellings.Add(new(new ScenarioFact(newId, FactKinds.Update, change, Supersedes: update.Key), change, changed));
        var (text, rephrased) = Asked(update.Ask, cast);
        drafts.Add(new(QuestionKinds.KnowledgeUpdate, text, after, [newId], rephrased));
    }

    private void AddEvents(IReadOnlyList<EventTemplate> events)
    {
        var told = new List<(EventTemplate, DateTimeOffset)>();
        foreach (var template in events)
        {
            var session = rng.Next(Sessions);
            var (telling, day) = EventPlanner.Tell(template, session, dates[session], rng);
            tellings.Add(telling);
            told.Add((template, day));
            drafts.Add(EventPlanner.When(template, day, rng));
        }
        if (EventPlanner.Order(told, rng) is { } order)
            drafts.Add(order);
    }

    /// <summary>Plain facts and preferences have no order to keep, so they go first to sessions that are still empty.</summary>
    private void AddFreeFacts()
    {
        var lead = rng.Pick(content.Facts.Where(f => f.Clarify is not null).ToList());
        var plain = rng.Shuffled(content.Facts.Where(f => f != lead)).Take(rng.Next(1, 3)).Prepend(lead);
        var free = rng.Shuffled(plain.Select(f => (Template: f, Kind: FactKinds.Fact))
            .Concat(rng.Shuffled(content.Preferences).Take(rng.Next(2, 4)).Select(f => (Template: f, Kind: FactKinds.Preference))));
        var used = tellings.Select(t => t.Session).ToHashSet();
        var empty = new Queue<int>(Enumerable.Range(0, Sessions).Where(s => !used.Contains(s)));
        foreach (var (template, kind) in free)
        {
            var value = rng.Pick(Candidates(template.Values));
            var values = cast.With("v", value);
            var session = empty.Count > 0 ? empty.Dequeue() : rng.Next(Sessions);
            var clarify = template == lead ? Clarification(template, value) : null;
            tellings.Add(Tell(template, kind, value, session, values) with { Clarify = clarify });
            var (text, rephrased) = Asked(template.Ask, values);
            drafts.Add(new(kind == FactKinds.Preference ? QuestionKinds.Preference : QuestionKinds.SingleHop,
                text, TemplateText.Fill(template.Answer, values), [template.Key], rephrased));
        }
    }

    private ClarifyExchange Clarification(FactTemplate template, string value)
    {
        var decoy = rng.Pick(template.Values.Where(v => v != value).ToList());
        var options = rng.Chance(0.5) ? $"{decoy} or {value}" : $"{value} or {decoy}";
        return new(TemplateText.Sentence(template.Clarify!.Vague, cast), TemplateText.Sentence(template.Clarify.Request, cast.With("options", options)));
    }

    /// <summary>Upcoming dates are whole weeks apart plus under a week, so no two fall on the same day.</summary>
    private IReadOnlyList<string> Candidates(IReadOnlyList<string> values) =>
        values is [Upcoming.Date]
            ? rng.Shuffled(Enumerable.Range(2, 8)).Take(4).Select(weeks => TemplateText.DayWithWeekday(dates[^1].AddDays(7 * weeks + rng.Next(7)))).ToList()
            : values;

    private Telling Tell(FactTemplate template, string kind, string value, int session, IReadOnlyDictionary<string, string> values)
    {
        var sentence = TemplateText.Sentence(voice.Choose(template.Tell, rng), values.With("v", value));
        return new(new ScenarioFact(template.Key, kind, sentence), sentence, session);
    }
}
