using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Llm;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>Every way a model's reply can break the schema is rejected with the path of the fault, and never becomes a score.</summary>
public sealed class JudgeReplyTests
{
    private static readonly JudgeInput Input = new("q?", "a", false, ["item 0", "item 1"], "golden", true);

    private static string Reply(string claim = """{"text": "c", "supported": true, "contradictsGolden": false, "contextItems": [1]}""",
        string correct = "true", string label = "\"supported\"", string extra = "") =>
        $$"""{"claims": [{{claim}}], "correct": {{correct}}, "label": {{label}}{{extra}}}""";

    [Theory]
    [InlineData("no json here", "$")]
    [InlineData("{\"claims\": [", "$")]
    [InlineData("[1, 2]", "$")]
    public void A_reply_that_is_not_one_JSON_object_is_rejected(string reply, string path) =>
        Assert.Equal(path, Assert.Throws<JudgeReplyRejectedException>(() => JudgeReply.Read(reply, Input, "j", "v")).Path);

    [Theory]
    [InlineData("""{"text": "c", "supported": true, "contradictsGolden": false, "contextItems": [2]}""", "$.claims[0].contextItems[0]")]
    [InlineData("""{"text": "c", "supported": true, "contradictsGolden": false, "contextItems": [1, 1]}""", "$.claims[0].contextItems[1]")]
    [InlineData("""{"text": "c", "supported": true, "contradictsGolden": false, "contextItems": []}""", "$.claims[0].contextItems")]
    [InlineData("""{"text": "c", "supported": false, "contradictsGolden": false, "contextItems": [0]}""", "$.claims[0].contextItems")]
    [InlineData("""{"text": " ", "supported": true, "contradictsGolden": false, "contextItems": [0]}""", "$.claims[0].text")]
    [InlineData("""{"text": "c", "supported": "yes", "contradictsGolden": false, "contextItems": [0]}""", "$.claims[0].supported")]
    [InlineData("""{"text": "c", "supported": true, "contextItems": [0]}""", "$.claims[0].contradictsGolden")]
    [InlineData("""{"text": "c", "supported": true, "contradictsGolden": false, "contextItems": [0], "why": "x"}""", "$.claims[0].why")]
    public void A_claim_out_of_shape_is_rejected(string claim, string path) =>
        Assert.Equal(path, Assert.Throws<JudgeReplyRejectedException>(() => JudgeReply.Read(Reply(claim), Input, "j", "v")).Path);

    [Theory]
    [InlineData("\"maybe\"", "$.label")]
    [InlineData("\"unsupported\"", "$.label")]
    [InlineData("7", "$.label")]
    public void A_label_outside_the_three_or_against_the_claims_is_rejected(string label, string path) =>
        Assert.Equal(path, Assert.Throws<JudgeReplyRejectedException>(() => JudgeReply.Read(Reply(label: label), Input, "j", "v")).Path);

    [Fact]
    public void Correct_must_be_a_boolean_with_a_golden_answer_and_null_without_one()
    {
        Assert.Equal("$.correct", Assert.Throws<JudgeReplyRejectedException>(() => JudgeReply.Read(Reply(correct: "null"), Input, "j", "v")).Path);
        Assert.Equal("$.correct", Assert.Throws<JudgeReplyRejectedException>(
            () => JudgeReply.Read(Reply(correct: "true"), Input with { GoldenAnswer = null }, "j", "v")).Path);
        Assert.Null(JudgeReply.Read(Reply(correct: "null"), Input with { GoldenAnswer = null }, "j", "v").Correct);
    }

    [Fact]
    public void An_unknown_member_is_rejected() =>
        Assert.Equal("$.confidence", Assert.Throws<JudgeReplyRejectedException>(
            () => JudgeReply.Read(Reply(extra: ", \"confidence\": 0.9"), Input, "j", "v")).Path);

    [Fact]
    public void A_fenced_reply_is_read_and_contradicting_claims_are_not_counted_as_supported()
    {
        var reply = "```json\n" + Reply("""{"text": "c", "supported": true, "contradictsGolden": true, "contextItems": [0]}""", "false", "\"unsupported\"") + "\n```";

        var score = JudgeReply.Read(reply, Input, "j", "v");

        Assert.Equal((JudgeLabel.Unsupported, false, true, 1, 0), (score.Label, score.Correct, score.Hallucinated, score.Claims, score.SupportedClaims));
        Assert.Empty(score.UsedContextItems);
    }
}
