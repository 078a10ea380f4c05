using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SelfLearn.Agents.Maas;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Live;

/// <summary>
/// How an emulated user rates an answer (docs/SCENARIOS.md, "Live users"). Who rates is drawn from the seed and the
/// request's index: the first 8 bytes of SHA-256("seed\nindex") as a share of 2^64, below the feedback share. The rating
/// is the user's own check against what they told: thumbs down when the answer abstains on an answerable question,
/// answers an unanswerable one, or names fewer than half of the right answer's words (three letters or more); else up.
/// </summary>
public static class LiveRater
{
    public const string Tag = "emulated";

    public static bool Rates(int seed, long index, double share)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{index}"));
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0 < share;
    }

    public static FeedbackRating Rate(QueryResponse response, GoldenAnswer golden)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(golden);
        var satisfied = golden.Abstain ? response.Abstained : !response.Abstained && Names(response.Answer, golden.Answer);
        return new FeedbackRating(Thumbs: satisfied ? "up" : "down");
    }

    private static bool Names(string answer, string right)
    {
        var wanted = Words(right);
        if (wanted.Count == 0) return true;
        var said = Words(answer);
        return wanted.Count(said.Contains) * 2 >= wanted.Count;
    }

    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', ',', '.', ';', ':', '!', '?', '"', '\'', '(', ')', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length >= 3)];
}
