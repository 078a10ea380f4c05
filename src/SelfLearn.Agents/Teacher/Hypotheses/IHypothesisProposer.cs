using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>What a proposer is shown: the findings, the configuration they were measured on, and the catalog.</summary>
public sealed record ProposerBrief(Findings Findings, ProposalBase Base, IReadOnlyDictionary<string, ImpactFactor> Catalog);

/// <summary>
/// What a proposer wrote: hypotheses that passed the reply's schema (they still go through the Tuner's rules), or why the
/// reply was rejected as a whole.
/// </summary>
public sealed record ProposerReply(IReadOnlyList<HypothesisDraft> Drafts, string? Rejection)
{
    public static ProposerReply Rejected(string why) => new([], why);
}

/// <summary>The seam for a language model that proposes hypotheses; the rules need none, so there is no offline implementation.</summary>
public interface IHypothesisProposer
{
    /// <summary>Recorded as the hypotheses' source model, e.g. "qwen2.5".</summary>
    string Model { get; }

    Task<ProposerReply> ProposeAsync(ProposerBrief brief, CancellationToken ct);
}

/// <summary>The Teacher's language-model proposer when one is configured (<c>Teacher:Proposer</c> = llm); null means rules only.</summary>
public sealed record TeacherProposers(IHypothesisProposer? Llm);
