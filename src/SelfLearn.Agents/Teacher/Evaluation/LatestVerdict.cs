using Marten;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Agents.Teacher.Evaluation;

/// <summary>The last verdict appended to an experiment's verdict stream, or null.</summary>
public static class LatestVerdict
{
    public static async Task<VerdictRecorded?> LoadAsync(IDocumentStore store, string experimentId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(VerdictRecorded.StreamKey(experimentId), token: ct);
        return events.Select(e => e.Data).OfType<VerdictRecorded>().LastOrDefault();
    }
}
