using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>What a key token is: a value a claim can get wrong.</summary>
internal enum KeyKind
{
    Number,
    Date,
    Name,
}

internal sealed record KeyToken(string Word, KeyKind Kind);

/// <summary>
/// The offline judge's word rules (docs/JUDGE.md): lower-cased runs of letters or digits, digit groups joined
/// ("60,000" is one number), number words as digits ("three" is "3"), stopwords and fillers dropped, each word reduced
/// by the Student's <see cref="LightStemmer"/>. Key tokens are the values a claim can get wrong: numbers, month and
/// weekday names, and names (capitalised inside a sentence).
/// </summary>
internal static partial class JudgeText
{
    private static readonly FrozenSet<string> Stopwords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "both", "but", "by", "can", "could", "couldn", "did", "didn", "do", "does", "doesn", "doing", "don",
        "down", "during", "each", "even", "ever", "for", "from", "further", "had", "has", "have", "haven", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "im", "in", "into", "is", "isn", "it", "its",
        "itself", "just", "ll", "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of",
        "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "re", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "ve", "very", "was", "wasn", "we",
        "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won", "would", "wouldn",
        "you", "your", "yours", "yourself", "yourselves",
        // Fillers and reporting verbs: they carry no fact a context item must hold.
        "yes", "yeah", "okay", "ok", "sure", "really", "actually", "probably", "maybe", "perhaps", "mostly", "usually",
        "around", "roughly", "hey", "hi", "hmm", "sorry", "please", "thanks", "thank", "well", "still", "know", "think",
        "remember", "recall", "told", "tell", "said", "say", "says", "mentioned", "mention", "note", "notes", "one",
    ]);

    private static readonly FrozenDictionary<string, string> NumberWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8",
        ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20", ["thirty"] = "30",
        ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100", ["thousand"] = "1000", ["twice"] = "2",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Months = FrozenSet.Create(StringComparer.Ordinal,
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0).Select(m => m.ToLowerInvariant()).ToArray());

    public static readonly FrozenSet<string> Weekdays = FrozenSet.Create(StringComparer.Ordinal,
        CultureInfo.InvariantCulture.DateTimeFormat.DayNames.Select(d => d.ToLowerInvariant()).ToArray());

    /// <summary>The content words of a text, in order, normalised as the rules say.</summary>
    public static List<string> Words(string text) => Tokens(text).Where(t => t.Word is not null).Select(t => t.Word!).ToList();

    /// <summary>The key tokens of a text, normalised like its words.</summary>
    public static List<KeyToken> Keys(string text) =>
        Tokens(text).Where(t => t.Key is not null).Select(t => new KeyToken(t.Word!, t.Key!.Value)).ToList();

    public static bool IsDateWord(string word) =>
        Months.Contains(word) || Weekdays.Contains(word) || word.All(char.IsAsciiDigit);

    private static IEnumerable<(string? Word, KeyKind? Key)> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = DigitGroup().Replace(text.Replace('’', '\'').Replace('‘', '\''), "");
        var first = true;
        foreach (Match match in Token().Matches(normalised))
        {
            var raw = match.Value;
            var opensSentence = first || OpensSentence(normalised, match.Index);
            first = false;
            var lower = raw.ToLowerInvariant();
            var capitalised = char.IsUpper(raw[0]);
            if (NumberWords.TryGetValue(lower, out var digits))
            {
                yield return (digits, KeyKind.Number);
                continue;
            }
            if (lower.Any(char.IsDigit))
            {
                yield return (lower, KeyKind.Number);
                continue;
            }
            if (capitalised && (Months.Contains(lower) || Weekdays.Contains(lower)))
            {
                yield return (lower, KeyKind.Date);
                continue;
            }
            if (Stopwords.Contains(lower) || lower.Length == 1)
            {
                yield return (null, null);
                continue;
            }
            // A capital letter that opens a sentence says nothing; inside one it marks a name ("Hotel Lindenhof").
            yield return (LightStemmer.Stem(lower), capitalised && !opensSentence ? KeyKind.Name : null);
        }
    }

    private static bool OpensSentence(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] is '"' or '\'' or '(' or '[')
                continue;
            return text[i] is '.' or '!' or '?' or ':' or ';' or '—' or '–' or ']';
        }
        return true;
    }

    [GeneratedRegex(@"(?<=\d),(?=\d{3}\b)")]
    private static partial Regex DigitGroup();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Token();
}
