using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>
/// Chooses who proposes hypotheses besides the rules (<c>Teacher:Proposer</c> = rules | llm; rules by default). The
/// LLM proposer uses the <c>Teacher:Llm</c> section when it names a provider, else the Student's <c>Llm</c> section, with
/// the same keys (Provider, Model, Endpoint, ApiKey). The host passes how to build the chat client of a section.
/// </summary>
public static class TeacherProposerSetup
{
    public static TeacherProposers Create(IConfiguration configuration, Func<string, IChatClient> chatClient)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(chatClient);
        var proposer = configuration["Teacher:Proposer"] ?? "rules";
        return proposer.ToLowerInvariant() switch
        {
            "rules" => new TeacherProposers(null),
            "llm" => new TeacherProposers(Llm(configuration, chatClient)),
            _ => throw new InvalidOperationException($"Teacher:Proposer '{proposer}' is not one of rules, llm."),
        };
    }

    private static KernelHypothesisProposer Llm(IConfiguration configuration, Func<string, IChatClient> chatClient)
    {
        var section = configuration["Teacher:Llm:Provider"] is { Length: > 0 } ? "Teacher:Llm" : "Llm";
        var provider = configuration[$"{section}:Provider"] ?? "offline";
        if (provider.Equals("offline", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Teacher:Proposer 'llm' needs a language model, but {section}:Provider is offline: the offline extractive client only " +
                "quotes memories and cannot propose hypotheses. Set Teacher:Llm:Provider (or Llm:Provider) to openai or ollama, " +
                "or use Teacher:Proposer 'rules'.");
        return new KernelHypothesisProposer(chatClient(section), configuration[$"{section}:Model"] ?? provider);
    }
}
