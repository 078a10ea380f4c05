using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Experiments;

namespace SelfLearn.Projections.Experiments;

public sealed partial class ExperimentProjection : SingleStreamProjection<Experiment, string>
{
    public static Experiment Create(IEvent<ExperimentRegistered> e) =>
        Experiment.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Experiment Apply(IEvent<ExperimentStarted> e, Experiment current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Experiment Apply(IEvent<ExperimentStopped> e, Experiment current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Experiment Apply(IEvent<ExperimentCompleted> e, Experiment current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Experiment Apply(IEvent<ExperimentAborted> e, Experiment current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
