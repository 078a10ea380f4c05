using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Experiments;

namespace SelfLearn.Projections.Experiments;

public sealed partial class ExperimentProjection : SingleStreamProjection<Experiment, string>
{
    public override Experiment? Evolve(Experiment? snapshot, string id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, ExperimentRegistered registered) => Experiment.Start(registered, e.Timestamp.ToMicroseconds()) with { Version = e.Version },
        _ => snapshot,
    };
}
