using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// Splits an answer into claims (docs/JUDGE.md): sentences end at '.', '!', '?' or ';' followed by a space or the end;
/// a spaced dash ("Casa Azul — you cancelled …") and a clause joined by ", and", ", but", ", plus" or ", while" start
/// a new claim. The judge looks for abstention phrases in every piece; a piece with no content word (a greeting,
/// "Sure!") is not a claim.
/// </summary>
internal static partial class ClaimSplitter
{
    public static IReadOnlyList<string> Split(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = Whitespace().Replace(answer, " ").Trim();
        return Boundary().Split(text)
            .Select(piece => piece.Trim().TrimEnd('.', '!', '?', ';', ',').Trim())
            .Where(piece => piece.Length > 0)
            .ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?;])\s+|\s+[—–-]\s+|,\s+(?=(?:and|but|plus|while)\b)")]
    private static partial Regex Boundary();
}
