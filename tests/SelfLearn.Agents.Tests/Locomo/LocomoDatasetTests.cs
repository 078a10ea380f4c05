using SelfLearn.Agents.Locomo;

namespace SelfLearn.Agents.Tests.Locomo;

public sealed class LocomoDatasetTests
{
    private static readonly Lazy<IReadOnlyList<LocomoConversation>> Dev = new(() => LocomoDataset.Load(LocomoDevFile.Path));

    private static LocomoConversation Conversation(string id) => Dev.Value.Single(c => c.SampleId == id);

    [Theory]
    [InlineData("conv-26", 419, 199)]
    [InlineData("conv-30", 369, 105)]
    [InlineData("conv-41", 663, 193)]
    [InlineData("conv-42", 629, 260)]
    [InlineData("conv-43", 680, 242)]
    public void Turn_and_question_counts_match_the_README(string sampleId, int turns, int questions)
    {
        var conversation = Conversation(sampleId);

        Assert.Equal(turns, conversation.Turns.Count());
        Assert.Equal(questions, conversation.Questions.Count);
    }

    [Fact]
    public void The_dev_split_holds_five_conversations() =>
        Assert.Equal(["conv-26", "conv-30", "conv-41", "conv-42", "conv-43"], Dev.Value.Select(c => c.SampleId));

    [Fact]
    public void Sessions_carry_their_number_speakers_and_UTC_date()
    {
        var conversation = Conversation("conv-26");
        var first = conversation.Sessions[0];

        Assert.Equal(("Caroline", "Melanie"), (conversation.SpeakerA, conversation.SpeakerB));
        Assert.Equal(Enumerable.Range(1, 19), conversation.Sessions.Select(s => s.Number));
        Assert.Equal(new DateTimeOffset(2023, 5, 8, 13, 56, 0, TimeSpan.Zero), first.Date);
        Assert.Equal(new LocomoTurn("D1:1", "Caroline", "Hey Mel! Good to see you! How have you been?", null), first.Turns[0]);
    }

    [Fact]
    public void An_image_turn_puts_its_caption_into_the_memory_text()
    {
        var turn = Conversation("conv-26").Turns.Single(t => t.DiaId == "D1:5");

        Assert.Equal("a photo of a dog walking past a wall with a painting of a woman", turn.ImageCaption);
        Assert.EndsWith("support. [image: a photo of a dog walking past a wall with a painting of a woman]", turn.MemoryText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conv-26", 37, "D8:6,D9:17", "")]
    [InlineData("conv-42", 58, "D2:14,D9:12,D9:14,D10:11,D19:17,D27:23", "D10:19")]
    [InlineData("conv-42", 88, "D1:18,D1:20", "D")]
    [InlineData("conv-43", 18, "D1:14,D2:7,D4:7,D5:15,D20:21,D26:36", "D:11:26")]
    public void Malformed_evidence_is_split_and_ids_naming_no_turn_are_dropped(string sampleId, int index, string kept, string dropped)
    {
        var question = Conversation(sampleId).Questions[index];

        Assert.Equal(kept, string.Join(',', question.Evidence));
        Assert.Equal(dropped, string.Join(',', question.DroppedEvidence));
    }

    [Fact]
    public void Every_kept_evidence_id_names_a_turn_of_its_conversation() =>
        Assert.All(Dev.Value, c =>
        {
            var ids = c.Turns.Select(t => t.DiaId).ToHashSet();
            Assert.All(c.Questions.SelectMany(q => q.Evidence), id => Assert.Contains(id, ids));
        });

    [Fact]
    public void The_items_without_evidence_are_open_domain_questions_of_conv_26()
    {
        // The README's "4 category-3 items" counts the full ten conversations; this split holds two of them.
        var unscorable = Dev.Value.SelectMany(c => c.Questions.Select((q, i) => (c.SampleId, Index: i, q))).Where(x => !x.q.HasEvidence).ToList();

        Assert.Equal([("conv-26", 30), ("conv-26", 46)], unscorable.Select(x => (x.SampleId, x.Index)));
        Assert.All(unscorable, x => Assert.Equal(LocomoCategory.OpenDomain, x.q.Category));
    }

    [Fact]
    public void Numeric_answers_are_read_as_text_and_adversarial_items_keep_their_adversarial_answer()
    {
        var questions = Conversation("conv-26").Questions;

        Assert.Equal("2022", questions[1].Answer);
        Assert.Equal("2", questions[40].Answer);
        Assert.All(questions.Where(q => q.Category == LocomoCategory.Adversarial), q => Assert.NotNull(q.AdversarialAnswer));
        var both = questions.Single(q => q.Question == "Is Oscar Melanie's pet?");
        Assert.Equal(("No", "Yes"), (both.Answer, both.AdversarialAnswer));
    }
}
