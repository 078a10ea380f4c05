using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Teacher.Proposals;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using HypothesisDecider = SelfLearn.Domain.Teacher.Hypotheses.ProposeHypothesis;
using RecommendationDecider = SelfLearn.Domain.Teacher.Recommendations.RecordRecommendation;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>
/// The Teacher reads findings about a deployment's active configuration: its rules (and the language model, when one is
/// configured) propose hypotheses, and each winning verdict becomes a recommendation. Every proposal goes through the
/// same deciders as one sent over HTTP; what they refuse is counted in <see cref="FindingsAnalysis.Rejections"/> and
/// never appended.
/// </summary>
public sealed record AnalyzeFindings(Findings Findings, string By);

/// <summary>One proposal that was not recorded: who proposed it, what it was, and why it was refused.</summary>
public sealed record ProposalRejection(ProposalSource? Source, string What, string Why);

public sealed record FindingsAnalysis(IReadOnlyList<string> HypothesisIds, IReadOnlyList<string> RecommendationIds, IReadOnlyList<ProposalRejection> Rejections);

public static class AnalyzeFindingsHandler
{
    public static async Task<FindingsAnalysis> Handle(
        AnalyzeFindings command, IDocumentSession session, CatalogCache catalogCache, TeacherProposers proposers, ILogger<AnalyzeFindings> log,
        CancellationToken ct)
    {
        var findings = command.Findings;
        var read = await ProposalReads.LoadAsync<Hypothesis>(session, catalogCache, null, findings.DeploymentId, null, ct);
        var (proposalBase, missing) = ProposalBase.Resolve(findings.DeploymentId, read.Deployment, null, read.BaseParameters, read.Catalog);
        if (proposalBase is null)
            return new FindingsAnalysis([], [], [new ProposalRejection(null, "findings", missing!.Message)]);

        var rejections = new List<ProposalRejection>();
        var drafts = HypothesisRules.Propose(findings, proposalBase, read.Catalog, ProposalRuleSettings.Default).ToList();
        if (proposers.Llm is { } llm)
        {
            var reply = await AskModel(llm, new ProposerBrief(findings, proposalBase, read.Catalog), log, ct);
            if (reply.Rejection is { } malformed)
                rejections.Add(new ProposalRejection(ProposalSource.FromModel(llm.Model), "reply", malformed));
            drafts.AddRange(reply.Drafts);
        }

        var hypotheses = new List<string>();
        foreach (var draft in drafts)
        {
            var id = ProposalIds.NewHypothesisId();
            var decision = HypothesisDecider.Decide(id, false, draft, read.Deployment, read.BaseParameters, read.Catalog, RunnableFactorValues.Current, command.By);
            if (Record<Hypothesis>(session, Hypothesis.StreamKey(id), decision, draft.Source, $"hypothesis on {draft.Factor}", rejections))
                hypotheses.Add(id);
        }

        var recommendations = new List<string>();
        foreach (var draft in RecommendationRules.Propose(findings, proposalBase, ProposalRuleSettings.Default))
        {
            var id = ProposalIds.NewRecommendationId();
            var decision = RecommendationDecider.Decide(id, false, draft, read.Deployment, read.BaseParameters, read.Catalog, RunnableFactorValues.Current, command.By);
            if (Record<Recommendation>(session, Recommendation.StreamKey(id), decision, draft.Source, $"recommendation from {draft.ExperimentId}", rejections))
                recommendations.Add(id);
        }

        await session.SaveChangesAsync(ct);
        foreach (var rejection in rejections)
            log.LogInformation("The Teacher did not record a {What} ({Source}): {Why}", rejection.What, rejection.Source?.Kind, rejection.Why);
        return new FindingsAnalysis(hypotheses, recommendations, rejections);
    }

    private static bool Record<T>(IDocumentSession session, string streamKey, Domain.Tuner.Decision decision, ProposalSource source, string what,
        List<ProposalRejection> rejections) where T : class
    {
        if (decision.Accepted)
        {
            session.Events.StartStream<T>(streamKey, [.. decision.Events]);
            return true;
        }
        rejections.Add(new ProposalRejection(source, what,
            decision.Conflict ?? string.Join(" ", decision.Violations.Select(v => v.Message))));
        return false;
    }

    /// <summary>A model that cannot be reached or answers nonsense costs its own proposals, never the rules'.</summary>
    private static async Task<ProposerReply> AskModel(IHypothesisProposer llm, ProposerBrief brief, ILogger log, CancellationToken ct)
    {
        try
        {
            return await llm.ProposeAsync(brief, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The Teacher's language model {Model} failed to propose hypotheses.", llm.Model);
            return ProposerReply.Rejected("the model failed to answer; the log says why.");
        }
    }
}
