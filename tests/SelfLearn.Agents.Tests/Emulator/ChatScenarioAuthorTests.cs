using System.Text.Json;
using Microsoft.Extensions.AI;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Domain.Scenarios;
using static SelfLearn.Agents.Tests.Emulator.HandWrittenScenario;

namespace SelfLearn.Agents.Tests.Emulator;

public sealed class ChatScenarioAuthorTests
{
    private static string Json(Scenario scenario) => JsonSerializer.Serialize(scenario, ScenarioJson.Options);

    private static async Task<ScenarioError> RejectionOf(string reply)
    {
        var rejected = await Assert.ThrowsAsync<ScenarioRejectedException>(() => new ChatScenarioAuthor(new ScriptedChatClient(reply), "qwen").WriteAsync(Brief, CancellationToken.None));
        return rejected.Error;
    }

    [Fact]
    public async Task A_valid_reply_is_the_scenario()
    {
        var author = new ChatScenarioAuthor(new ScriptedChatClient(Json(AnaMoves)), "qwen");

        var written = await author.WriteAsync(Brief, CancellationToken.None);

        Assert.Equal(Json(AnaMoves), Json(written));
        Assert.Equal("llm:qwen", author.Generator);
    }

    [Fact]
    public async Task A_fenced_reply_with_words_around_it_is_accepted()
    {
        var reply = $"Here is the scenario:\n```json\n{Json(AnaMoves)}\n```\nEnjoy!";

        var written = await new ChatScenarioAuthor(new ScriptedChatClient(reply), "qwen").WriteAsync(Brief, CancellationToken.None);

        Assert.Equal(Json(AnaMoves), Json(written));
    }

    [Fact]
    public async Task A_project_restyled_by_the_model_is_set_back_to_the_brief_s()
    {
        var written = await new ChatScenarioAuthor(new ScriptedChatClient(Json(AnaMoves with { Project = "Relocation Helper" })), "qwen")
            .WriteAsync(Brief, CancellationToken.None);

        Assert.Equal("relocation-helper", written.Project);
    }

    [Fact]
    public async Task A_reply_without_JSON_is_rejected_at_the_root() =>
        Assert.Equal("$", (await RejectionOf("Sorry, I cannot help with that.")).Path);

    [Fact]
    public async Task A_reply_of_the_wrong_shape_is_rejected_at_the_member() =>
        Assert.Equal("$.mood", (await RejectionOf(Json(AnaMoves).Replace("\"id\":", "\"mood\": \"sunny\", \"id\":", StringComparison.Ordinal))).Path);

    [Fact]
    public async Task A_reply_breaking_a_rule_is_rejected_with_that_rule_s_path()
    {
        var broken = AnaMoves with { Questions = [AnaMoves.Questions[0] with { Golden = AnaMoves.Questions[0].Golden with { EvidenceTurns = ["s9-t9"] } }] };

        var error = await RejectionOf(Json(broken));

        Assert.Equal("$.questions[0].golden.evidenceTurns[0]", error.Path);
        Assert.Contains("names no turn 's9-t9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_for_another_scenario_id_is_rejected() =>
        Assert.Equal("$.id", (await RejectionOf(Json(AnaMoves with { Id = "bob-moves" }))).Path);

    [Fact]
    public async Task A_reply_for_another_persona_is_rejected() =>
        Assert.Equal("$.personaId", (await RejectionOf(Json(AnaMoves with { PersonaId = "bob" }))).Path);

    [Fact]
    public async Task The_prompt_carries_the_persona_the_project_and_the_seed()
    {
        var chat = new ScriptedChatClient(Json(AnaMoves));

        await new ChatScenarioAuthor(chat, "qwen").WriteAsync(Brief, CancellationToken.None);

        var (messages, options) = Assert.Single(chat.Calls);
        var system = messages[0].Text;
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.Contains("Style: terse and dry.", system, StringComparison.Ordinal);
        Assert.Contains("Project (what the user uses the assistant for): relocation-helper.", system, StringComparison.Ordinal);
        Assert.Contains("\"id\" is \"ana-moves\", \"personaId\" is \"ana\"", system, StringComparison.Ordinal);
        Assert.Contains("ana-moves", messages[1].Text, StringComparison.Ordinal);
        Assert.Equal(42, options!.Seed);
        Assert.Equal(ChatResponseFormat.Json, options.ResponseFormat);
        Assert.Equal("qwen", options.ModelId);
    }

    [Fact]
    public void The_example_in_the_prompt_is_itself_a_valid_scenario_for_the_brief()
    {
        var example = ScenarioAuthorPrompt.Example(Brief);

        Assert.Equal(Json(example), Json(ScenarioReply.Read(Json(example), Brief, "llm:test")));
    }
}
