using Microsoft.Extensions.AI;
using SelfLearn.Agents.Teacher.Hypotheses;
using SelfLearn.Agents.Tests.Emulator;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Agents.Tests.Teacher.ProposerBriefs;

namespace SelfLearn.Agents.Tests.Teacher;

public sealed class KernelHypothesisProposerTests
{
    private static Task<ProposerReply> Propose(string reply) =>
        new KernelHypothesisProposer(new ScriptedChatClient(reply), "qwen").ProposeAsync(Brief, CancellationToken.None);

    [Fact]
    public async Task A_valid_reply_becomes_drafts_on_the_brief_s_base_with_the_model_as_source()
    {
        var reply = await Propose(Reply("retrieval.neighbor_weight", "up", "[0.4,0.5]"));

        Assert.Null(reply.Rejection);
        var draft = Assert.Single(reply.Drafts);
        Assert.Equal(("default", 3, "retrieval.neighbor_weight", ChangeDirection.Up, "exp-a"),
            (draft.DeploymentId, draft.BaseVersion!.Value, draft.Factor, draft.Direction, draft.ExperimentId));
        Assert.Equal(["0.4", "0.5"], draft.Values.Select(v => v.GetRawText()));
        Assert.Equal(new ProposalSource(ProposalOrigin.Llm, Model: "qwen"), draft.Source);
        Assert.Equal("multi-hop misses its second hop", draft.Rationale);
    }

    [Fact]
    public async Task The_prompt_carries_the_catalog_from_the_plugin_the_metrics_and_the_findings()
    {
        var chat = new ScriptedChatClient("""{"hypotheses":[]}""");

        await new KernelHypothesisProposer(chat, "qwen").ProposeAsync(Brief, CancellationToken.None);

        var (messages, options) = Assert.Single(chat.Calls);
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        var system = messages[0].Text;
        Assert.Contains("\"key\":\"retrieval.neighbor_weight\",\"type\":\"float\",\"min\":0,\"max\":1,\"step\":0.05,\"zone\":\"auto\",\"current\":0.3", system, StringComparison.Ordinal);
        Assert.DoesNotContain("generation.model", system, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"retrieval.delivered_precision\",\"better\":\"higher\"", system, StringComparison.Ordinal);
        Assert.Contains("current values of version 3", system, StringComparison.Ordinal);
        Assert.Contains("\"metric\":\"retrieval.delivered_recall\",\"segment\":\"kind:multi-hop\",\"value\":0.41", messages[1].Text, StringComparison.Ordinal);
        Assert.Equal(("qwen", ChatResponseFormat.Json, (float?)KernelHypothesisProposer.Temperature),
            (options!.ModelId, options.ResponseFormat, options.Temperature));
    }

    [Fact]
    public async Task A_fenced_reply_with_words_around_it_is_read() =>
        Assert.Single((await Propose($"Here you go:\n```json\n{Reply("retrieval.top_k", "up", "[7]")}\n```")).Drafts);

    [Theory]
    [InlineData("I think you should raise top_k.", "$: the reply holds no JSON object.")]
    [InlineData("""{"hypotheses":[{"factor":"retrieval.top_k"}]}""", "$.hypotheses[0]: misses required members: direction, values, expectedEffect, rationale, evidence.")]
    [InlineData("""{"ideas":[]}""", "$.ideas: 'ideas' is not a member here.")]
    [InlineData("""{"hypotheses":[{"factor":"retrieval.top_k",]}""", "$: the reply is not valid JSON (']' is an invalid start of a property name. Expected a '\"'.)")]
    public async Task A_malformed_reply_is_rejected_whole_with_the_JSON_path(string reply, string why)
    {
        var read = await Propose(reply);
        Assert.Empty(read.Drafts);
        Assert.Equal(why, read.Rejection);
    }

    [Theory]
    [InlineData("sideways")]
    [InlineData("1")]
    public async Task A_direction_that_is_not_a_name_of_the_schema_rejects_the_reply(string direction)
    {
        var reply = Reply("retrieval.top_k", "up", "[7]").Replace("\"up\",\"values\"", direction == "1" ? "1,\"values\"" : $"\"{direction}\",\"values\"", StringComparison.Ordinal);
        var read = await Propose(reply);
        Assert.Empty(read.Drafts);
        Assert.StartsWith("$.hypotheses[0]", read.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_hypotheses_than_allowed_reject_the_reply()
    {
        var one = Reply("retrieval.top_k", "up", "[7]")["{\"hypotheses\":[".Length..^2];
        var read = await Propose($$"""{"hypotheses":[{{string.Join(",", Enumerable.Repeat(one, HypothesisReply.MaxHypotheses + 1))}}]}""");
        Assert.Equal($"$.hypotheses: at most {HypothesisReply.MaxHypotheses} hypotheses, got {HypothesisReply.MaxHypotheses + 1}.", read.Rejection);
    }

    [Fact]
    public async Task An_out_of_bounds_value_passes_the_schema_but_not_the_Tuner_s_rules()
    {
        var draft = Assert.Single((await Propose(Reply("retrieval.top_k", "up", "[500]"))).Drafts);

        var decision = SelfLearn.Domain.Teacher.Hypotheses.ProposeHypothesis.Decide("hyp-1", false, draft,
            SelfLearn.Domain.Configuration.Deployment.Replay(
                SelfLearn.Domain.Configuration.OpenDeployment.Decide("default", false, Factors, "seed", "test").Events, DateTimeOffset.UnixEpoch),
            Base.Values, Factors, Runnable, "teacher");

        Assert.Empty(decision.Events);
        Assert.Equal(ViolationRule.OutOfRange, Assert.Single(decision.Violations).Rule);
    }
}
