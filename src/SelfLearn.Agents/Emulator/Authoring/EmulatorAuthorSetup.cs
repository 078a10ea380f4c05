using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace SelfLearn.Agents.Emulator.Authoring;

/// <summary>
/// Chooses who writes scenarios (<c>Emulator:Author</c> = template | llm). The LLM author uses the <c>Emulator:Llm</c>
/// section when it names a provider, else the Student's <c>Llm</c> section, so scenarios can come from another model
/// than the one under test. The host passes how to build the chat client of a section, so the
/// Emulator never reaches into the Student for it.
/// </summary>
public static class EmulatorAuthorSetup
{
    public static IScenarioAuthor Create(IConfiguration configuration, Func<IScenarioAuthor> template, Func<string, IChatClient> chatClient)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(chatClient);
        var author = configuration["Emulator:Author"] ?? "template";
        return author.ToLowerInvariant() switch
        {
            "template" => template(),
            "llm" => LlmAuthor(configuration, chatClient),
            _ => throw new InvalidOperationException($"Emulator:Author '{author}' is not one of template, llm."),
        };
    }

    private static ChatScenarioAuthor LlmAuthor(IConfiguration configuration, Func<string, IChatClient> chatClient)
    {
        var section = configuration["Emulator:Llm:Provider"] is { Length: > 0 } ? "Emulator:Llm" : "Llm";
        var provider = configuration[$"{section}:Provider"] ?? "offline";
        if (provider.Equals("offline", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Emulator:Author 'llm' needs a language model, but {section}:Provider is offline: the offline extractive client only " +
                "quotes memories and cannot write scenarios. Set Emulator:Llm:Provider (or Llm:Provider) to openai or ollama, " +
                "or use Emulator:Author 'template'.");
        var chat = chatClient(section);
        return new ChatScenarioAuthor(chat, configuration[$"{section}:Model"] ?? provider);
    }
}
