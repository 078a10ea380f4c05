using Microsoft.Extensions.AI;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Authoring;

/// <summary>
/// Writes a scenario with a language model: the persona prompt (<see cref="ScenarioAuthorPrompt"/>) with the brief's
/// seed and a JSON response format; the reply is kept only if it is a valid scenario for the brief, otherwise a
/// <see cref="ScenarioRejectedException"/> says where it is wrong and the library asks again.
/// </summary>
public sealed class ChatScenarioAuthor(IChatClient chat, string model) : IScenarioAuthor
{
    /// <summary>Varied enough that a retry after a rejection writes something else, even with the same seed.</summary>
    public const float Temperature = 0.7f;

    public string Generator => $"llm:{model}";

    public async Task<Scenario> WriteAsync(ScenarioBrief brief, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var options = new ChatOptions
        {
            ModelId = model,
            Seed = brief.Seed,
            Temperature = Temperature,
            ResponseFormat = ChatResponseFormat.Json,
        };
        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, ScenarioAuthorPrompt.System(brief)), new ChatMessage(ChatRole.User, ScenarioAuthorPrompt.User(brief))],
            options, ct).ConfigureAwait(false);
        return ScenarioReply.Read(response.Text, brief, Generator);
    }
}
