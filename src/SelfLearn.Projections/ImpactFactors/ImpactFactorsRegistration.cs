using JasperFx.Events.Projections;
using Marten;

namespace SelfLearn.Projections.ImpactFactors;

public static class ImpactFactorsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(ImpactFactorProjection)];

    public static StoreOptions AddImpactFactors(this StoreOptions options)
    {
        options.Projections.Add(new ImpactFactorProjection(), ProjectionLifecycle.Inline);
        return options;
    }
}
