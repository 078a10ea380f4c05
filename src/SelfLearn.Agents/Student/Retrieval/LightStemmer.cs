namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// A conservative suffix stripper (plural, then -ed/-ing, then a final e), so that "paints", "painted" and "painting"
/// meet at "paint" and "makes", "making" and "make" at "mak". Only plain a-z words of four or more letters change;
/// a stem keeps at least three letters and a vowel. Collisions are rare and harmless: query and memory use the same rules.
/// </summary>
internal static class LightStemmer
{
    private const int MinimumStem = 3;

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= MinimumStem || !IsLetters(word))
            return word;
        var stem = StripInflection(StripPlural(word));
        return stem.Length > MinimumStem && stem[^1] == 'e' ? stem[..^1] : stem;
    }

    private static string StripPlural(string word)
    {
        var longEnough = word.Length > MinimumStem + 1;
        if (longEnough && word.EndsWith("ies", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (longEnough && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
            return word[..^2];
        if (word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }

    private static string StripInflection(string word)
    {
        if (word.Length > MinimumStem + 1 && word.EndsWith("ied", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (word.EndsWith("eed", StringComparison.Ordinal))
            return word;
        if (word.EndsWith("ing", StringComparison.Ordinal) && IsStem(word.AsSpan(0, word.Length - 3)))
            return Undouble(word[..^3]);
        if (word.EndsWith("ed", StringComparison.Ordinal) && IsStem(word.AsSpan(0, word.Length - 2)))
            return Undouble(word[..^2]);
        return word;
    }

    // "running" -> "runn" -> "run"; "falling" keeps its "ll" because "fall" is the word.
    private static string Undouble(string stem) =>
        stem.Length > MinimumStem && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('l' or 's' or 'z')
            ? stem[..^1]
            : stem;

    private static bool IsStem(ReadOnlySpan<char> stem) => stem.Length >= MinimumStem && stem.IndexOfAny("aeiouy") >= 0;

    private static bool IsVowel(char c) => "aeiouy".Contains(c, StringComparison.Ordinal);

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
                return false;
        }

        return true;
    }
}
