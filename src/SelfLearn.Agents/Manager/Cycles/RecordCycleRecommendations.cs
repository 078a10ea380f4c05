using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Recommendations;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record RecordCycleRecommendations(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.RecordRecommendations);
}

/// <summary>
/// Recommendations: the ready recommendations the Teacher recorded from the cycle's verdicts (each already passed the
/// Tuner's rules against the base version), each ranked by its gain on the goal's first primary metric.
/// </summary>
public static class RecordCycleRecommendationsHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    public static async Task<OutgoingMessages> Handle(
        RecordCycleRecommendations message, IDocumentSession session, ILogger<RecordCycleRecommendations> log, CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        var recommendations = new List<CycleRecommendation>();
        foreach (var experiment in cycle!.Experiments!)
            foreach (var id in experiment.RecommendationIds)
                if (await session.LoadAsync<Recommendation>(Recommendation.StreamKey(id), ct) is { } recorded)
                    recommendations.Add(new CycleRecommendation(id, experiment.Plan.ExperimentId, recorded.Changes,
                        PrimaryGain.Of(cycle.Goal, experiment.Metrics), recorded.RollbackConditions));
        return await CycleStepWrites.RecordAsync(session, message, [new RecommendationsRecorded(cycle.CycleId, recommendations)], log, ct);
    }
}
