using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// What kind of answer a question asks for, read from its question word, and whether a sentence has the surface cue
/// of such an answer (the answer typing of classic extractive QA): where → a place after a preposition, when → a time
/// expression, who → a capitalised name after the first word, how many/much/long/old/often → a number. Other
/// questions are untyped and have no cue.
/// </summary>
public static partial class AnswerType
{
    public static Regex? CueFor(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var asked = question.Trim().ToLowerInvariant();
        if (Starts(asked, "where")) return Place();
        if (Starts(asked, "when") || asked.StartsWith("what time", StringComparison.Ordinal) || asked.StartsWith("what year", StringComparison.Ordinal)
            || asked.StartsWith("which year", StringComparison.Ordinal)) return Time();
        if (Starts(asked, "who") || Starts(asked, "whom") || Starts(asked, "whose")) return Name();
        if (HowMuch().IsMatch(asked)) return Number();
        return null;
    }

    private static bool Starts(string question, string word) =>
        question.StartsWith(word, StringComparison.Ordinal) && (question.Length == word.Length || !char.IsLetter(question[word.Length]));

    [GeneratedRegex(@"^how (many|much|long|old|often)\b")]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"\b(?:at|in|into|to|from|near|around)\s+(?:(?:the|a|an|my|our|his|her|their)\s+)?[A-Z][a-z]+|\b(?:at|in|into|to|from|near|around)\s+the\s+[a-z]+")]
    private static partial Regex Place();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight|weekend|ago|morning|evening|night|(?:last|next|this) (?:week|month|year|summer|winter|spring|fall|autumn)|(?:19|20)\d\d|\d{1,2}(?::\d\d)?\s?(?:am|pm))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"(?<=\S\s+)(?!I\b)[A-Z][a-z]+")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|once|twice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
