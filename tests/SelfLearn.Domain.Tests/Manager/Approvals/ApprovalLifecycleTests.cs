using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Manager.Approvals;

public sealed class ApprovalLifecycleTests
{
    private static Recommendation Recommendation() => Domain.Teacher.Recommendations.Recommendation.Create(new RecommendationRecorded(
        "rec-1", "default", 1, RecommendationDraft.UpdateParams,
        [new ParameterChange("generation.system_prompt_version", J("\"answer-v1\""), J("\"answer-v2\"")), new ParameterChange("retrieval.top_k", J("5"), J("4"))],
        new Dictionary<string, MetricEffect>(), "why", ["exp-1"], [], "exp-1", null, null, ProposalSource.Human, "teacher"), Now);

    [Fact]
    public void An_approval_takes_the_recommendations_change_set()
    {
        var requested = (ApprovalRequested)RequestApproval.Decide("appr-1", false, "rec-1", Recommendation(), [], "manual zone", "manager").Events.Single();

        Assert.Equal(("rec-1", "default", 1), (requested.RecommendationId, requested.DeploymentId, requested.BaseVersion));
        Assert.Equal(["\"answer-v2\"", "4"], new[] { "generation.system_prompt_version", "retrieval.top_k" }.Select(k => requested.Changes[k].GetRawText()));
    }

    [Fact]
    public void An_unknown_recommendation_or_a_missing_reason_is_refused_and_an_open_approval_is_a_conflict()
    {
        var unknown = RequestApproval.Decide("appr-1", false, "rec-9", null, [], "", "manager");
        Assert.Equal([ViolationRule.InvalidDefinition, ViolationRule.UnknownRecommendation], unknown.Violations.Select(v => v.Rule));

        var second = RequestApproval.Decide("appr-2", false, "rec-1", Recommendation(), [Requested("appr-1")], "again", "manager");
        Assert.Equal("recommendation 'rec-1' already has approval 'appr-1' (pending).", second.Conflict);
        Assert.Equal("approval 'appr-1' already exists.", RequestApproval.Decide("appr-1", true, "rec-1", Recommendation(), [], "again", "manager").Conflict);
        Assert.Equal(ViolationRule.InvalidDefinition, Assert.Single(RequestApproval.Decide("Bad Id", false, "rec-1", Recommendation(), [], "r", "m").Violations).Rule);
    }

    [Fact]
    public void A_pending_approval_is_decided_once()
    {
        var approved = DecideApproval.Approve(Requested("appr-1"), "ok", "meta");
        Assert.Equal(new ApprovalGranted("appr-1", "ok", "meta"), Assert.Single(approved.Events));
        Assert.Equal(new ApprovalDeclined("appr-1", "no", "meta"), Assert.Single(DecideApproval.Decline(Requested("appr-1"), "no", "meta").Events));

        var decided = Approved("appr-1");
        Assert.Equal("approval 'appr-1' is already approved (by meta): a decision is final.", DecideApproval.Decline(decided, "changed my mind", "meta").Conflict);
        Assert.Equal(ViolationRule.InvalidDefinition, Assert.Single(DecideApproval.Approve(Requested("appr-1"), " ", "meta").Violations).Rule);
    }
}
