using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>
/// Proposes hypotheses with a language model hosted on Semantic Kernel: a prompt function over the configured
/// <see cref="IChatClient"/>, with the catalog as a plugin. Its reply is only read through <see cref="HypothesisReply"/>;
/// what it proposes is recorded only after the Tuner's rules, like anything else.
/// </summary>
public sealed class KernelHypothesisProposer(IChatClient chat, string model) : IHypothesisProposer
{
    /// <summary>Low: the same findings should give the same hypotheses, and the rationale is the model's only freedom.</summary>
    public const double Temperature = 0.2;

    private static readonly KernelFunction Propose = KernelFunctionFactory.CreateFromPrompt(
        new PromptTemplateConfig(HypothesisProposerPrompt.Template) { Name = "propose_hypotheses" }, promptTemplateFactory: null);

    public string Model => model;

    public async Task<ProposerReply> ProposeAsync(ProposerBrief brief, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatClient>(new ChatClientWithMetadata(chat, model));
        builder.Plugins.AddFromObject(new ProposerCatalogPlugin(brief.Catalog, brief.Base), "catalog");
        var kernel = builder.Build();

        var settings = new PromptExecutionSettings
        {
            ModelId = model,
            ExtensionData = new Dictionary<string, object> { ["temperature"] = Temperature, ["response_format"] = "json_object" },
        };
        var arguments = new KernelArguments(settings);
        foreach (var (name, value) in HypothesisProposerPrompt.Arguments(brief))
            arguments[name] = value;
        var result = await kernel.InvokeAsync(Propose, arguments, ct).ConfigureAwait(false);
        return HypothesisReply.Read(result.GetValue<string>(), brief, model);
    }

    /// <summary>Semantic Kernel asks a chat client for its metadata and fails without it; clients such as the offline one have none.</summary>
    private sealed class ChatClientWithMetadata(IChatClient inner, string model) : DelegatingChatClient(inner)
    {
        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            base.GetService(serviceType, serviceKey)
            ?? (serviceType == typeof(ChatClientMetadata) && serviceKey is null ? new ChatClientMetadata("selflearn", null, model) : null);
    }
}
