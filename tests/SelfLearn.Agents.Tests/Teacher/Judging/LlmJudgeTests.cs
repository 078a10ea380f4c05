using Microsoft.Extensions.AI;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Llm;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>The LLM judge hosted on Semantic Kernel, with a scripted model: what it sends, and what it does with each reply.</summary>
public sealed class LlmJudgeTests
{
    private static readonly JudgeInput Input = new(
        "Which hotel & spa did we book?",
        "You switched to <b>The Harbour Inn</b>; it's by the sea.",
        false,
        ["[11 July 2026] Ana: We booked Hotel Miramar.", "[20 July 2026] Ana: Scratch that, we booked The Harbour Inn instead."],
        "The Harbour Inn",
        true);

    private const string Valid = """
        {"claims": [{"text": "You switched to The Harbour Inn", "supported": true, "contradictsGolden": false, "contextItems": [0, 1]},
                    {"text": "it's by the sea", "supported": false, "contradictsGolden": false, "contextItems": []}],
         "correct": true, "label": "unsupported"}
        """;

    [Fact]
    public async Task A_valid_reply_becomes_the_score_with_the_judge_name_and_rubric_version()
    {
        var chat = new ScriptedJudgeChat(Valid);

        var score = await new LlmJudge(chat, "judge-model").JudgeAsync(Input, CancellationToken.None);

        Assert.Equal(new JudgeScore("llm:judge-model", JudgeRubric.Version, JudgeLabel.Unsupported, true, true, 2, 1, [0, 1]),
            score with { UsedContextItems = [.. score.UsedContextItems] }, new ScoreComparer());
    }

    [Fact]
    public async Task The_rubric_is_the_system_message_and_the_case_the_user_message_with_its_text_unchanged()
    {
        var chat = new ScriptedJudgeChat(Valid);

        await new LlmJudge(chat, "judge-model").JudgeAsync(Input, CancellationToken.None);

        var (messages, options) = Assert.Single(chat.Calls);
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Contains("You grade one answer of a memory assistant.", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("""
            Question: Which hotel & spa did we book?
            Context items:
            [0] [11 July 2026] Ana: We booked Hotel Miramar.
            [1] [20 July 2026] Ana: Scratch that, we booked The Harbour Inn instead.
            Answer: You switched to <b>The Harbour Inn</b>; it's by the sea.
            Golden answer: The Harbour Inn
            """, messages[1].Text.Trim().ReplaceLineEndings("\n"));
        Assert.Equal(0f, options!.Temperature);
        Assert.Equal("judge-model", options.ModelId);
        Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat);
    }

    [Fact]
    public async Task A_malformed_reply_is_counted_and_asked_again_and_never_used()
    {
        var chat = new ScriptedJudgeChat("Sure! The answer looks supported to me.", Valid);
        var judge = new LlmJudge(chat, "judge-model");

        var score = await judge.JudgeAsync(Input, CancellationToken.None);

        Assert.Equal(JudgeLabel.Unsupported, score.Label);
        Assert.Equal(1, judge.RejectedReplies);
        Assert.Equal(2, chat.Calls.Count);
        Assert.Equal(LlmJudge.RetryTemperature, chat.Calls[1].Options!.Temperature!.Value, 3);
    }

    [Fact]
    public async Task Replies_rejected_on_every_attempt_fail_the_judgement_with_the_last_reason()
    {
        const string inconsistent = """
            {"claims": [{"text": "it's by the sea", "supported": false, "contradictsGolden": false, "contextItems": []}], "correct": true, "label": "supported"}
            """;
        var chat = new ScriptedJudgeChat(inconsistent, inconsistent, inconsistent);
        var judge = new LlmJudge(chat, "judge-model");

        var failure = await Assert.ThrowsAsync<JudgeFailedException>(() => judge.JudgeAsync(Input, CancellationToken.None));

        Assert.Equal(3, judge.RejectedReplies);
        Assert.Equal(LlmJudge.DefaultAttempts, chat.Calls.Count);
        Assert.Equal("$.label", Assert.IsType<JudgeReplyRejectedException>(failure.InnerException).Path);
    }

    [Fact]
    public async Task An_unanswerable_question_is_marked_as_such_for_the_model()
    {
        var chat = new ScriptedJudgeChat("""{"claims": [], "correct": true, "label": "abstained"}""");

        var score = await new LlmJudge(chat, "m").JudgeAsync(
            new JudgeInput("How tall am I?", "You never told me.", false, [], "Not mentioned.", false), CancellationToken.None);

        Assert.Equal((JudgeLabel.Abstained, true, 0), (score.Label, score.Correct, score.Claims));
        Assert.Contains("Golden answer: Not mentioned. (the question cannot be answered from the conversations)", chat.Calls[0].Messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Context items:\n(none)", chat.Calls[0].Messages[1].Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private sealed class ScoreComparer : IEqualityComparer<JudgeScore>
    {
        public bool Equals(JudgeScore? x, JudgeScore? y) =>
            x is not null && y is not null && (x with { UsedContextItems = [] }) == (y with { UsedContextItems = [] })
            && x.UsedContextItems.SequenceEqual(y.UsedContextItems);

        public int GetHashCode(JudgeScore obj) => obj.Label.GetHashCode();
    }
}
