using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OllamaSharp;
using OpenAI;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// Chooses the answer model from configuration (<c>Llm:Provider</c> = offline | openai | ollama, with
/// <c>Llm:Model</c>, <c>Llm:Endpoint</c>, <c>Llm:ApiKey</c>); no code change between them. Another section with the
/// same keys (<c>Emulator:Llm</c>) gives another role its own model.
/// </summary>
public static class ChatClientSetup
{
    public static IChatClient Create(IConfiguration configuration, string section = "Llm")
    {
        var settings = configuration.GetSection(section);
        var provider = settings["Provider"] ?? "offline";
        return provider.ToLowerInvariant() switch
        {
            "offline" => new ExtractiveChatClient(),
            "openai" => new OpenAIClient(
                    new ApiKeyCredential(settings["ApiKey"] ?? throw Missing(section, "ApiKey")),
                    new OpenAIClientOptions { Endpoint = settings["Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null })
                .GetChatClient(settings["Model"] ?? throw Missing(section, "Model")).AsIChatClient(),
            "ollama" => new OllamaApiClient(new Uri(settings["Endpoint"] ?? "http://localhost:11434"), settings["Model"] ?? throw Missing(section, "Model")),
            _ => throw new InvalidOperationException($"{section}:Provider '{provider}' is not one of offline, openai, ollama."),
        };
    }

    private static InvalidOperationException Missing(string section, string key) => new($"{section}:{key} must be set for this {section}:Provider.");
}
