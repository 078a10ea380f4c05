using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Domain.Teacher.Online;

/// <summary>
/// Sorts a question into the golden dataset's kinds by its words alone (docs/ONLINE.md, "Is the simulator
/// representative?"), the first rule that matches: a knowledge update asks for the current state, a preference for what
/// the user likes, wants or cannot stand, a temporal question for a time or an order; everything else is single-hop.
/// Multi-hop, open-domain and unanswerable questions cannot be told from their words (it takes the memories to know),
/// so they land among single-hop, on both sides of the comparison: live and golden questions go through the same rules.
/// </summary>
public static class QuestionKindRules
{
    public static readonly IReadOnlyList<string> Kinds = [QuestionKinds.SingleHop, QuestionKinds.Temporal, QuestionKinds.KnowledgeUpdate, QuestionKinds.Preference];

    private static readonly string[] Update = ["current", "currently", "now", "latest", "still", "these days", "at the moment", "anymore", "any more", "at this point", "сейчас", "теперь", "текущ"];

    private static readonly string[] Temporal =
        ["when", "what date", "which date", "what day", "which day", "what time", "what year", "which year", "what month", "which month",
         "how long ago", "came first", "happened first", "happened earlier", "before or after", "когда", "какого числа", "что было раньше"];

    private static readonly string[] Preference =
        ["prefer", "favour", "favor", "like best", "like most", "do i like", "i like to", "enjoy", "most effectively", "learn best", "best way",
         "suits me", "works for me", "do i want", "i want", "can't i stand", "hate", "unbearable", "am i going for", "i picture", "am i sharpest",
         "do i take", "should people", "предпочита", "любим", "нравится"];

    public static string Classify(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = $" {question.ToLowerInvariant()} ";
        if (Matches(text, Update)) return QuestionKinds.KnowledgeUpdate;
        if (Matches(text, Preference)) return QuestionKinds.Preference;
        if (Matches(text, Temporal)) return QuestionKinds.Temporal;
        return QuestionKinds.SingleHop;
    }

    /// <summary>
    /// A phrase matches from a word start; phrases under five letters must also end a word ("now" is not "know" or
    /// "nowhere"), longer ones match as stems ("prefer" in "preferred", "текущ" in "текущий").
    /// </summary>
    private static bool Matches(string text, string[] phrases) => phrases.Any(phrase => Matches(text, phrase));

    private static bool Matches(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            if (!char.IsLetter(text[at - 1]) && (phrase.Length >= 5 || !char.IsLetter(text[at + phrase.Length])))
                return true;
        return false;
    }
}
