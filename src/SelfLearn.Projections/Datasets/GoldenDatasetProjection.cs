using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Datasets;

namespace SelfLearn.Projections.Datasets;

public sealed class GoldenDatasetProjection : SingleStreamProjection<GoldenDataset, string>
{
    public override GoldenDataset? Evolve(GoldenDataset? snapshot, string id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, DatasetVersionRegistered registered) => GoldenDataset.Start(registered, e.Timestamp.ToMicroseconds()) with { Version = e.Version },
        ({ } dataset, DatasetVersionRegistered registered) => dataset.With(registered, e.Timestamp.ToMicroseconds()) with { Version = e.Version },
        _ => snapshot,
    };
}
