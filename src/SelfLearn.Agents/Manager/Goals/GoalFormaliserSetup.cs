using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Student.Generation;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>
/// Chooses who formalises goals (<c>Manager:Formaliser</c> = offline | llm; offline by default). The LLM formaliser
/// uses the <c>Manager:Llm</c> section when it names a provider, else the shared <c>Llm</c> section. The host passes
/// how to build the chat client of a section.
/// </summary>
public static class GoalFormaliserSetup
{
    public const string Setting = "Manager:Formaliser";

    public static IGoalFormaliser Create(IConfiguration configuration, Func<string, IChatClient> chatClient)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(chatClient);
        var formaliser = configuration[Setting] ?? "offline";
        switch (formaliser.ToLowerInvariant())
        {
            case "offline":
                return new PhraseGoalFormaliser();
            case "llm":
                var (section, model) = ChatClientSetup.RequireModel(configuration, "Manager", $"{Setting} 'llm'", "formalise goals", $"{Setting} 'offline'");
                return new KernelGoalFormaliser(chatClient(section), model);
            default:
                throw new InvalidOperationException($"{Setting} '{formaliser}' is not one of offline, llm.");
        }
    }
}
