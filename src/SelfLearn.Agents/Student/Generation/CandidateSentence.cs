using System.Text.RegularExpressions;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// One sentence of a delivered memory line. <see cref="Text"/> is what is matched, "Speaker: sentence" (the form the
/// memory itself was embedded in, so a one-sentence turn reuses its cached vector); <see cref="Answer"/> is what is
/// said, the line's "[date] Speaker: " head before the sentence, so the date a temporal question needs stays with it;
/// <see cref="Sentence"/> is the bare sentence, where <see cref="AnswerType"/> looks for its cue.
/// </summary>
public sealed partial record CandidateSentence(string Sentence, string Text, string Answer)
{
    /// <summary>
    /// The distinct sentences of the lines, in line order. A line reads "[date] Speaker: text" (<see cref="Retrieval.ContextLine"/>);
    /// a speaker is the words before the first colon, at most 40 characters. Runs of white space count as one space; sentences end at '.', '!' or '?' before a space.
    /// </summary>
    public static IReadOnlyList<CandidateSentence> From(IEnumerable<PromptMemory> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<CandidateSentence>();
        foreach (var line in lines)
        {
            var parts = LinePattern().Match(line.Text);
            var date = parts.Groups["date"].Success ? $"[{parts.Groups["date"].Value}] " : "";
            var speaker = parts.Groups["speaker"].Success ? parts.Groups["speaker"].Value : null;
            var text = Whitespace().Replace(parts.Success ? parts.Groups["text"].Value : line.Text, " ").Trim();
            foreach (var sentence in SentenceEnd().Split(text).Where(s => s.Length > 0))
            {
                var candidate = new CandidateSentence(sentence, IngestMemories.Passage(speaker, sentence), date + IngestMemories.Passage(speaker, sentence));
                if (seen.Add(candidate.Answer))
                    candidates.Add(candidate);
            }
        }

        return candidates;
    }

    [GeneratedRegex(@"^(?:\[(?<date>[^\]\n]+)\]\s+)?(?:(?<speaker>[^:.!?\[\]\n]{1,40}):\s+)?(?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
