using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Teacher.Proposals;

[JsonConverter(typeof(JsonStringEnumConverter<ProposalOrigin>))]
public enum ProposalOrigin
{
    [JsonStringEnumMemberName("rules")] Rules,
    [JsonStringEnumMemberName("llm")] Llm,
    [JsonStringEnumMemberName("human")] Human,
}

/// <summary>Who proposed a hypothesis or recommendation: a named rule, a language model, or a person (or the Manager) through the API.</summary>
public sealed record ProposalSource(ProposalOrigin Kind, string? Rule = null, string? Model = null)
{
    public static ProposalSource Human { get; } = new(ProposalOrigin.Human);

    public static ProposalSource FromRule(string rule) => new(ProposalOrigin.Rules, Rule: rule);

    public static ProposalSource FromModel(string model) => new(ProposalOrigin.Llm, Model: model);
}
