using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Manager.Approvals;

namespace SelfLearn.Projections.Manager.Approvals;

public static class ApprovalsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(ApprovalProjection)];

    public static StoreOptions AddApprovals(this StoreOptions options)
    {
        options.Projections.Add(new ApprovalProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Approval>().Index(x => x.Status).Index(x => x.RecommendationId);
        return options;
    }
}
