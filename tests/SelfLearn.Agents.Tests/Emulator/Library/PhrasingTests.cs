using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator.Library;

public sealed class PhrasingTests
{
    private const double SmallOverlap = 0.25;

    [Fact]
    public void The_overlap_measure_sees_shared_content_words_only() =>
        Assert.Equal((0.0, 0.5), (
            ContentWords.Overlap("Which city is my sibling based in?", ["My sister Lena lives in Porto."]),
            ContentWords.Overlap("Where does Lena live now?", ["My sister Lena lives in Porto."])));

    [Fact]
    public async Task Many_questions_share_few_words_with_their_evidence()
    {
        var set = await BuiltinLibrary.Set();

        var overlaps = set.Scenarios
            .SelectMany(s => s.Questions.Where(q => q.Kind != QuestionKinds.Unanswerable)
                .Select(q => ContentWords.Overlap(q.Text, q.Golden.EvidenceTurns.Select(id => s.Turn(id).Text))))
            .ToList();

        var paraphrased = overlaps.Count(o => o <= SmallOverlap) / (double)overlaps.Count;
        Assert.True(paraphrased >= 0.4, $"{paraphrased:P0} of {overlaps.Count} answerable questions share at most {SmallOverlap:P0} of their content words with the evidence.");
    }

    [Fact]
    public async Task The_same_fact_is_asked_in_different_words_across_the_library()
    {
        var set = await BuiltinLibrary.Set();

        var wordings = set.Scenarios
            .SelectMany(s => s.Questions.Where(q => q.Golden.EvidenceFacts.Count == 1)
                .Select(q => (Fact: q.Golden.EvidenceFacts[0], Wording: q.Text)))
            .GroupBy(x => x.Fact)
            .Where(g => g.Count() >= 3)
            .ToList();

        Assert.NotEmpty(wordings);
        Assert.True(wordings.Count(g => g.Select(x => x.Wording).Distinct().Count() > 1) * 2 > wordings.Count);
    }
}
