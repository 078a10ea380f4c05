using System.Text.RegularExpressions;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>A candidate sentence's support for the question and its parts, each in [0, 1].</summary>
public sealed record SentenceSupport(CandidateSentence Candidate, double Lexical, double Dense, double? Cue, double Support);

/// <summary>
/// How well a delivered sentence answers the question (docs/IMPACT_FACTORS.md, "The offline answerer"):
/// support = (0.4·lexical + 0.4·dense + 0.2·cue) / (0.8 + 0.2·[the question is typed]), where
/// lexical = Σ idf(t) over the question's terms t in the sentence / Σ idf(t) over all the question's terms (terms and
/// stems of the retrieval <see cref="Tokenizer"/>; idf is BM25's, over the candidate sentences, so a question term no
/// sentence has weighs most), dense = max(0, cosine of the question's query vector and the sentence's passage vector),
/// and cue = 1 when the sentence has the surface form of the answer the question word asks for (<see cref="AnswerType"/>),
/// else 0; an untyped question leaves the cue out.
/// </summary>
public static class SupportScore
{
    public const double LexicalWeight = 0.4;
    public const double DenseWeight = 0.4;
    public const double CueWeight = 0.2;

    public static IReadOnlyList<SentenceSupport> Score(
        string question, ReadOnlySpan<float> questionVector, IReadOnlyList<CandidateSentence> candidates, IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(vectors);
        var asked = Tokenizer.Tokenize(question).Distinct(StringComparer.Ordinal).ToList();
        var terms = candidates.Select(c => Tokenizer.Tokenize(c.Text).ToHashSet(StringComparer.Ordinal)).ToList();
        var idf = asked.ToDictionary(t => t, t => Bm25.Idf(candidates.Count, terms.Count(s => s.Contains(t))), StringComparer.Ordinal);
        var totalIdf = idf.Values.Sum();
        var cue = AnswerType.CueFor(question);

        var scored = new List<SentenceSupport>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var lexical = totalIdf > 0 ? asked.Where(terms[i].Contains).Sum(t => idf[t]) / totalIdf : 0;
            var dense = Math.Max(0, DenseVector.Dot(questionVector, vectors[i]));
            double? hasCue = cue is null ? null : Cue(cue, candidates[i].Sentence);
            scored.Add(new SentenceSupport(candidates[i], lexical, dense, hasCue, Combine(lexical, dense, hasCue)));
        }

        return scored;
    }

    public static double Combine(double lexical, double dense, double? cue) =>
        cue is { } c
            ? (LexicalWeight * lexical + DenseWeight * dense + CueWeight * c) / (LexicalWeight + DenseWeight + CueWeight)
            : (LexicalWeight * lexical + DenseWeight * dense) / (LexicalWeight + DenseWeight);

    private static double Cue(Regex cue, string sentence) => cue.IsMatch(sentence) ? 1 : 0;
}
