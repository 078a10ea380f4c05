namespace SelfLearn.Api.Edge;

/// <summary>Text PostgreSQL can store: no U+0000 (text and jsonb refuse it) and no unpaired UTF-16 surrogate (not encodable as UTF-8).</summary>
public static class StorableText
{
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
                return "contains U+0000 (NUL), which cannot be stored";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return "contains an unpaired UTF-16 surrogate, which is not Unicode text";
        }
        return null;
    }
}
