using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Projections.Manager.Goals;

public static class GoalsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(GoalProjection)];

    public static StoreOptions AddGoals(this StoreOptions options)
    {
        options.Projections.Add(new GoalProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Goal>().Index(x => x.Status).Index(x => x.Priority);
        return options;
    }
}
