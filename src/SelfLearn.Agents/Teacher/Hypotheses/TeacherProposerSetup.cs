using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Student.Generation;

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
        var (section, model) = ChatClientSetup.RequireModel(configuration, "Teacher", "Teacher:Proposer 'llm'", "propose hypotheses", "Teacher:Proposer 'rules'");
        return new KernelHypothesisProposer(chatClient(section), model);
    }
}
