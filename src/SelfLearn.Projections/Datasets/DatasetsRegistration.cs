using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Datasets;

namespace SelfLearn.Projections.Datasets;

public static class DatasetsRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(GoldenDatasetProjection)];

    public static StoreOptions AddDatasets(this StoreOptions options)
    {
        options.Projections.Add(new GoldenDatasetProjection(), ProjectionLifecycle.Inline);
        // Dataset contents are written once and read by id; they are not projections, so rebuilds leave them alone.
        options.Schema.For<DatasetContent>();
        return options;
    }
}
