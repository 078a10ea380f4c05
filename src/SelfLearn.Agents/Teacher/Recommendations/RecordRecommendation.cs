using Marten;
using SelfLearn.Agents.Teacher.Proposals;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Teacher.Recommendations;
using Decider = SelfLearn.Domain.Teacher.Recommendations.RecordRecommendation;

namespace SelfLearn.Agents.Teacher.Recommendations;

/// <summary>Records a recommendation after the Tuner's rules; a refused one appends nothing.</summary>
public sealed record RecordRecommendation(string RecommendationId, RecommendationDraft Draft, string By);

public static class RecordRecommendationHandler
{
    public static async Task<TunerOutcome> Handle(RecordRecommendation command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var streamKey = Recommendation.StreamKey(command.RecommendationId);
        var read = await ProposalReads.LoadAsync<Recommendation>(session, catalogCache, streamKey, command.Draft.DeploymentId, command.Draft.BaseVersion, ct);
        var decision = Decider.Decide(command.RecommendationId, read.Exists, command.Draft, read.Deployment, read.BaseParameters, read.Catalog,
            RunnableFactorValues.Current, command.By);
        return await StreamWrites.Start<Recommendation>(session, streamKey, decision, ct);
    }
}
