using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SelfLearn.Agents.Teacher.Judging.Caching;

/// <summary>
/// What makes two judgements the same (docs/JUDGE.md): the judge's name and version, the question, the answer, the
/// hash of the delivered context, and the rest of what the judge sees (the abstention flag, the golden answer and
/// whether the question is answerable). Each field is length-prefixed before hashing, so no two inputs share a key.
/// </summary>
public static class JudgeCacheKey
{
    public static string For(string judge, string version, JudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Sha256(judge, version, input.Question, input.Answer, ContextHash(input.DeliveredContext),
            input.Abstained ? "abstained" : "answered", input.GoldenAnswer ?? "\0none", input.Answerable ? "answerable" : "unanswerable");
    }

    /// <summary>SHA-256 (lower-case hex) of the delivered items in order.</summary>
    public static string ContextHash(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Sha256([.. items]);
    }

    private static string Sha256(params string[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
            text.Append(CultureInfo.InvariantCulture, $"{field.Length}:{field}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
