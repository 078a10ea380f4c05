using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>
/// Formalises a goal with a language model hosted on Semantic Kernel: a prompt function over the configured
/// <see cref="IChatClient"/>. Its reply is only read through <see cref="GoalReply"/>, then checked by the same rules as
/// the parser's goals.
/// </summary>
public sealed class KernelGoalFormaliser(IChatClient chat, string model) : IGoalFormaliser
{
    /// <summary>Zero: the same words should give the same goal.</summary>
    public const double Temperature = 0;

    private static readonly KernelFunction Formalise = KernelFunctionFactory.CreateFromPrompt(
        new PromptTemplateConfig(GoalFormaliserPrompt.Template) { Name = "formalise_goal" }, promptTemplateFactory: null);

    public string Model => model;

    public async Task<Formalised> FormaliseAsync(string text, IReadOnlyDictionary<string, ImpactFactor> catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatClient>(new ChatClientWithMetadata(chat, model));
        var kernel = builder.Build();
        var settings = new PromptExecutionSettings
        {
            ModelId = model,
            ExtensionData = new Dictionary<string, object> { ["temperature"] = Temperature, ["response_format"] = "json_object" },
        };
        var arguments = new KernelArguments(settings);
        foreach (var (name, value) in GoalFormaliserPrompt.Arguments(text, catalog))
            arguments[name] = value;
        var result = await kernel.InvokeAsync(Formalise, arguments, ct).ConfigureAwait(false);
        var language = text.Any(c => c is >= '\u0400' and <= '\u04FF') ? GoalLanguage.Russian : GoalLanguage.English;
        return GoalReply.Read(result.GetValue<string>(), language);
    }

    /// <summary>Semantic Kernel asks a chat client for its metadata and fails without it.</summary>
    private sealed class ChatClientWithMetadata(IChatClient inner, string model) : DelegatingChatClient(inner)
    {
        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            base.GetService(serviceType, serviceKey)
            ?? (serviceType == typeof(ChatClientMetadata) && serviceKey is null ? new ChatClientMetadata("selflearn", null, model) : null);
    }
}
