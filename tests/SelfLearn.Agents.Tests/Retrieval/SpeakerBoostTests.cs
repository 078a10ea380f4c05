using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>
/// k1 = 0, b = 0: of three memories, "holiday" is in 2 (idf ln 1.6) and "like" in 1 (idf ln(8/3)); min-max puts Melanie's
/// memory at 1 and Caroline's at ln 1.6 / (ln 1.6 + ln(8/3)).
/// </summary>
public sealed class SpeakerBoostTests
{
    private static readonly RetrievalSettings Lexical = Settings with { Bm25K1 = 0, Bm25B = 0 };
    private static readonly double CarolineBm25 = Math.Log(1.6) / (Math.Log(1.6) + Math.Log(8.0 / 3));

    private readonly MemoryEntry caroline = Entry("Beach holiday", speaker: "Caroline");
    private readonly MemoryEntry melanie = Entry("I like a quiet holiday", speaker: "Melanie");
    private readonly MemoryEntry work = Entry("Work meeting ran late", speaker: "Melanie");

    private MemoryIndex Index() => new([work, melanie, caroline]);

    [Fact]
    public void The_named_speakers_memory_gains_the_weighted_signal_in_the_mean()
    {
        const double weight = 0.8;

        var result = Index().Query("Where would caroline like to go on holiday?", Lexical with { SpeakerWeight = weight });

        // Fused = (1 · bm25 + 0.8 · speaker) / (1 + 0.8).
        Assert.Equal((CarolineBm25 + weight) / (1 + weight), result.Item(caroline).Score, 1e-12);
        Assert.Equal(1 / (1 + weight), result.Item(melanie).Score, 1e-12);
        Assert.Equal(0, result.Item(work).Score);
        Assert.Equal([caroline.Id, melanie.Id, work.Id], result.Ids());
        Assert.Equal(1, result.Item(caroline).Components.Speaker);
        Assert.Equal(0, result.Item(melanie).Components.Speaker);
    }

    [Fact]
    public void At_weight_zero_the_fused_score_is_the_mean_of_the_other_signals()
    {
        var result = Index().Query("Where would caroline like to go on holiday?", Lexical);

        Assert.Equal(CarolineBm25, result.Item(caroline).Score, 1e-12);
        Assert.Equal(1, result.Item(melanie).Score);
        Assert.Equal([melanie.Id, caroline.Id, work.Id], result.Ids());
        Assert.Equal(1, result.Item(caroline).Components.Speaker);
    }

    [Fact]
    public void A_speaker_only_inside_a_longer_word_is_not_named()
    {
        var result = Index().Query("Do Carolines like a holiday?", Lexical with { SpeakerWeight = 0.8 });

        Assert.Equal(CarolineBm25 / 1.8, result.Item(caroline).Score, 1e-12);
        Assert.Equal(0, result.Item(caroline).Components.Speaker);
    }

    [Theory]
    [InlineData("What did Caroline's dog eat?", "Caroline", true)]
    [InlineData("what did CAROLINE say", "Caroline", true)]
    [InlineData("Caroline", " Caroline ", true)]
    [InlineData("When did Mary Ann move?", "Mary Ann", true)]
    [InlineData("Did the Carolines come?", "Caroline", false)]
    [InlineData("Ask Annabel", "Ann", false)]
    [InlineData("Ask Annabel, then Ann", "Ann", true)]
    [InlineData("Where is the beach?", "   ", false)]
    public void A_speaker_is_named_as_a_whole_word_ignoring_case(string question, string speaker, bool named) =>
        Assert.Equal(named ? 1 : 0, new SpeakerMentions(question).Signal(speaker));
}
