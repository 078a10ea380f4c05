using Marten;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Teacher.Verdicts;
using SelfLearn.Projections.Manager.Journal;

namespace SelfLearn.Agents.Manager.Journal;

/// <summary>What to read of the journal: a goal's or a cycle's events, from a global sequence on, at most <see cref="Limit"/> rows.</summary>
public sealed record JournalQuery(string? GoalId, string? CycleId, long? From, int Limit);

/// <summary>The rows, or which filter names something unknown (<c>"goal"</c> or <c>"cycle"</c>).</summary>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Rows, string? Unknown = null);

/// <summary>
/// The learning journal in global order, from its projection. A cycle's events are those of its own stream and of the streams
/// it touched (its experiments, their hypotheses, verdicts and recommendations, its approval) and the activations linked to
/// it; a goal's are its own stream's, its cycles', and the activations linked to it.
/// </summary>
public static class ReadJournal
{
    public static async Task<JournalPage> RunAsync(IQuerySession session, JournalQuery query, CancellationToken ct)
    {
        var from = query.From ?? 0;
        var rows = session.Query<JournalEntry>().Where(x => x.Sequence >= from);
        if (query.CycleId is { } cycleId)
        {
            if (await session.LoadAsync<Cycle>(Cycle.StreamKey(cycleId), ct) is not { } cycle)
                return new JournalPage([], "cycle");
            var streams = Streams(cycle).ToArray();
            rows = rows.Where(x => x.Stream.IsOneOf(streams) || x.CycleId == cycleId);
        }
        if (query.GoalId is { } goalId)
        {
            if (await session.LoadAsync<Goal>(Goal.StreamKey(goalId), ct) is null)
                return new JournalPage([], "goal");
            var cycles = await session.Query<Cycle>().Where(c => c.GoalId == goalId).ToListAsync(ct);
            var streams = cycles.SelectMany(Streams).Append(Goal.StreamKey(goalId)).ToArray();
            var cycleIds = cycles.Select(c => c.CycleId).ToArray();
            rows = rows.Where(x => x.Stream.IsOneOf(streams) || x.GoalId == goalId || x.CycleId.IsOneOf(cycleIds));
        }
        return new JournalPage(await rows.OrderBy(x => x.Sequence).Take(query.Limit).ToListAsync(ct));
    }

    private static IEnumerable<string> Streams(Cycle cycle)
    {
        yield return Cycle.StreamKey(cycle.CycleId);
        foreach (var experiment in cycle.Experiments ?? [])
        {
            yield return Experiment.StreamKey(experiment.Plan.ExperimentId);
            yield return VerdictRecorded.StreamKey(experiment.Plan.ExperimentId);
            yield return Hypothesis.StreamKey(experiment.Plan.HypothesisId);
            foreach (var recommendation in experiment.RecommendationIds)
                yield return Recommendation.StreamKey(recommendation);
        }
        if (cycle.Change?.ApprovalId is { } approval)
            yield return Approval.StreamKey(approval);
    }
}
