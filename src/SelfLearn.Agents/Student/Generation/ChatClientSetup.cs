using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OllamaSharp;
using OpenAI;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// Chooses the answer model from configuration (<c>Llm:Provider</c> = offline | openai | ollama, with
/// <c>Llm:Model</c>, <c>Llm:Endpoint</c>, <c>Llm:ApiKey</c>); no code change between them.
/// </summary>
public static class ChatClientSetup
{
    public static IChatClient Create(IConfiguration configuration)
    {
        var section = configuration.GetSection("Llm");
        var provider = section["Provider"] ?? "offline";
        return provider.ToLowerInvariant() switch
        {
            "offline" => new ExtractiveChatClient(),
            "openai" => new OpenAIClient(
                    new ApiKeyCredential(section["ApiKey"] ?? throw Missing("Llm:ApiKey")),
                    new OpenAIClientOptions { Endpoint = section["Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null })
                .GetChatClient(section["Model"] ?? throw Missing("Llm:Model")).AsIChatClient(),
            "ollama" => new OllamaApiClient(new Uri(section["Endpoint"] ?? "http://localhost:11434"), section["Model"] ?? throw Missing("Llm:Model")),
            _ => throw new InvalidOperationException($"Llm:Provider '{provider}' is not one of offline, openai, ollama."),
        };
    }

    private static InvalidOperationException Missing(string key) => new($"{key} must be set for this Llm:Provider.");
}
