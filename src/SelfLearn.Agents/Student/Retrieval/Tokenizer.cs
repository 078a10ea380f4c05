using System.Collections.Frozen;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// Lexical terms of a text: lower-cased runs of letters or digits, without English stopwords and one-letter words
/// (single digits stay, they are days and counts), each reduced by <see cref="LightStemmer"/>.
/// Month names are deliberately not stopwords ("may", "march"), so dates stay searchable.
/// </summary>
internal static class Tokenizer
{
    private static readonly FrozenSet<string> Stopwords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "couldn",
        "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during", "each", "else", "few", "for", "from", "further",
        "had", "hadn", "has", "hasn", "have", "haven", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "if", "im", "in", "into", "is", "isn", "it", "its", "itself", "just", "ll", "me", "more", "most", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "re", "same", "she", "should", "shouldn", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "ve", "very",
        "was", "wasn", "we", "were", "weren", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "won", "would", "wouldn", "you", "your", "yours", "yourself", "yourselves",
    ]);

    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0)
                    start = i;
                continue;
            }

            if (start >= 0)
            {
                AddTerm(terms, text.AsSpan(start, i - start));
                start = -1;
            }
        }

        return terms;
    }

    private static void AddTerm(List<string> terms, ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && !char.IsDigit(word[0]))
            return;
        var lower = word.ToString().ToLowerInvariant();
        if (!Stopwords.Contains(lower))
            terms.Add(LightStemmer.Stem(lower));
    }
}
