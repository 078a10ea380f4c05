using Marten;
using SelfLearn.Agents.Teacher.Proposals;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Teacher.Hypotheses;
using Decider = SelfLearn.Domain.Teacher.Hypotheses.ProposeHypothesis;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>Records a hypothesis whose values pass the Tuner's rules for its factor; a refused one appends nothing.</summary>
public sealed record ProposeHypothesis(string HypothesisId, HypothesisDraft Draft, string By);

public static class ProposeHypothesisHandler
{
    public static async Task<TunerOutcome> Handle(ProposeHypothesis command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var streamKey = Hypothesis.StreamKey(command.HypothesisId);
        var read = await ProposalReads.LoadAsync<Hypothesis>(session, catalogCache, streamKey, command.Draft.DeploymentId, command.Draft.BaseVersion, ct);
        var decision = Decider.Decide(command.HypothesisId, read.Exists, command.Draft, read.Deployment, read.BaseParameters, read.Catalog,
            RunnableFactorValues.Current, command.By);
        return await StreamWrites.Start<Hypothesis>(session, streamKey, decision, ct);
    }
}
