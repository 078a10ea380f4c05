using System.Text.Json;
using SelfLearn.Agents.Teacher.Hypotheses;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tests.Teacher;

/// <summary>The default catalog, its defaults as version 3 of "default", and findings of low multi-hop recall from exp-a.</summary>
internal static class ProposerBriefs
{
    public static IReadOnlyDictionary<string, ImpactFactor> Factors { get; } =
        SelfLearn.Domain.Tuner.Catalog.ByKey(DefaultCatalog.Factors.Select(f => ImpactFactor.Create(f, DateTimeOffset.UnixEpoch)));

    public static ProposalBase Base { get; } = new("default", 3, SelfLearn.Domain.Tuner.Catalog.Defaults(Factors));

    public static Findings Findings { get; } = new("default",
        [new SegmentObservation("retrieval.delivered_recall", "kind:multi-hop", 0.41, 0.62, 120, Significance.Worse)], [], "exp-a", "verdict-1");

    public static ProposerBrief Brief { get; } = new(Findings, Base, Factors);

    public static string Reply(string factor, string direction, string values, string effects = """{"retrieval.delivered_recall":"up"}""", string extra = "") =>
        $$"""{"hypotheses":[{"factor":"{{factor}}","direction":"{{direction}}","values":{{values}},"expectedEffect":{{effects}},"rationale":"multi-hop misses its second hop","evidence":["exp-a"]{{extra}}}]}""";

    public static JsonElement J(string raw) => JsonDocument.Parse(raw).RootElement.Clone();

    public static RunnableValues Runnable { get; } = RunnableValues.None;
}
