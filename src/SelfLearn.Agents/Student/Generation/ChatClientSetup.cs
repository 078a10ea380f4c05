using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OllamaSharp;
using OpenAI;
using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// Chooses the answer model from configuration (<c>Llm:Provider</c> = offline | openai | ollama, with
/// <c>Llm:Model</c>, <c>Llm:Endpoint</c>, <c>Llm:ApiKey</c>); no code change between them. Another section with the
/// same keys (<c>Emulator:Llm</c>) gives another role its own model. The offline answerer matches sentences with the
/// app's embedder; only the Student's answer model is ever offline, so other roles pass none.
/// </summary>
public static class ChatClientSetup
{
    public static IChatClient Create(IConfiguration configuration, string section = "Llm", ITextEmbedder? embedder = null)
    {
        var settings = configuration.GetSection(section);
        var provider = settings["Provider"] ?? "offline";
        return provider.ToLowerInvariant() switch
        {
            "offline" => new ExtractiveChatClient(new OfflineAnswerer(embedder ?? throw new InvalidOperationException(
                $"{section}:Provider offline is the extractive answerer of the Student; this role needs a language model."))),
            "openai" => new OpenAIClient(
                    new ApiKeyCredential(settings["ApiKey"] ?? throw Missing(section, "ApiKey")),
                    new OpenAIClientOptions { Endpoint = settings["Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null })
                .GetChatClient(settings["Model"] ?? throw Missing(section, "Model")).AsIChatClient(),
            "ollama" => new OllamaApiClient(new Uri(settings["Endpoint"] ?? "http://localhost:11434"), settings["Model"] ?? throw Missing(section, "Model")),
            _ => throw new InvalidOperationException($"{section}:Provider '{provider}' is not one of offline, openai, ollama."),
        };
    }

    /// <summary>
    /// The section of a role that needs a real model (<c>{role}:Llm</c> when it names a provider, else the shared
    /// <c>Llm</c>) and the model's name; an offline provider is refused with what to set instead.
    /// </summary>
    public static (string Section, string Model) RequireModel(IConfiguration configuration, string role, string who, string cannot, string alternative)
    {
        var section = configuration[$"{role}:Llm:Provider"] is { Length: > 0 } ? $"{role}:Llm" : "Llm";
        var provider = configuration[$"{section}:Provider"] ?? "offline";
        if (provider.Equals("offline", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"{who} needs a language model, but {section}:Provider is offline: the offline extractive client only quotes memories and " +
                $"cannot {cannot}. Set {role}:Llm:Provider (or Llm:Provider) to openai or ollama, or use {alternative}.");
        return (section, configuration[$"{section}:Model"] ?? provider);
    }

    private static InvalidOperationException Missing(string section, string key) => new($"{section}:{key} must be set for this {section}:Provider.");
}
