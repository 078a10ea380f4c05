using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Teacher.Recommendations;
using Decider = SelfLearn.Domain.Manager.Approvals.RequestApproval;

namespace SelfLearn.Agents.Manager.Approvals;

/// <summary>Asks a meta-user to approve one recorded recommendation's change set.</summary>
public sealed record RequestApproval(string ApprovalId, string RecommendationId, string Reason, string By);

public static class RequestApprovalHandler
{
    public static async Task<TunerOutcome> Handle(RequestApproval command, IDocumentSession session, CancellationToken ct)
    {
        var recommendation = await session.LoadAsync<Recommendation>(Recommendation.StreamKey(command.RecommendationId), ct);
        var open = await session.Query<Approval>()
            .Where(a => a.RecommendationId == command.RecommendationId && (a.Status == ApprovalStatus.Pending || a.Status == ApprovalStatus.Approved))
            .ToListAsync(ct);
        var exists = await session.Events.FetchStreamStateAsync(Approval.StreamKey(command.ApprovalId), ct) is not null;
        var decision = Decider.Decide(command.ApprovalId, exists, command.RecommendationId, recommendation, [.. open], command.Reason, command.By);
        return await StreamWrites.Start<Approval>(session, Approval.StreamKey(command.ApprovalId), decision, ct);
    }

    public static string NewApprovalId() => $"appr-{Guid.CreateVersion7():N}";
}
