using System.ComponentModel;
using System.Text.Json;
using Microsoft.SemanticKernel;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Proposals;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>
/// The catalog and the metric registry as Semantic Kernel functions: the proposer's prompt calls them when it is
/// rendered, and a model that calls functions can call them again. Values are the base version's.
/// </summary>
public sealed class ProposerCatalogPlugin(IReadOnlyDictionary<string, ImpactFactor> catalog, ProposalBase proposalBase)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    [KernelFunction("factors")]
    [Description("The impact factors a hypothesis may move: key, type, bounds (min, max, step or allowed values), zone and current value.")]
    public string Factors() => JsonSerializer.Serialize(
        catalog.Values.Where(f => f.Zone != FactorZone.Frozen).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new
        {
            key = f.Key,
            type = f.Type,
            min = f.Bounds.Min,
            max = f.Bounds.Max,
            step = f.Bounds.Step,
            allowedValues = f.Bounds.AllowedValues,
            zone = f.Zone,
            current = proposalBase.Values.TryGetValue(f.Key, out var current) ? current : (JsonElement?)null,
            description = f.Description,
        }), Json);

    [KernelFunction("metrics")]
    [Description("The metric names an expected effect may name, with which direction is better.")]
    public string Metrics() => JsonSerializer.Serialize(
        MetricRegistry.All.Select(m => new { name = m.Name, better = m.Direction }), Json);
}
