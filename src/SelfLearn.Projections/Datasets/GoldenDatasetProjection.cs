using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Datasets;

namespace SelfLearn.Projections.Datasets;

public sealed partial class GoldenDatasetProjection : SingleStreamProjection<GoldenDataset, string>
{
    public static GoldenDataset Create(IEvent<DatasetVersionRegistered> e) =>
        GoldenDataset.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public GoldenDataset Apply(IEvent<DatasetVersionRegistered> e, GoldenDataset current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
