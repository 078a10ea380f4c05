using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Manager.Cycles;

namespace SelfLearn.Projections.Manager.Cycles;

/// <summary>A cycle's progress: status, current step, every step recorded with its time, the experiments and the outcome.</summary>
public sealed partial class CycleProjection : SingleStreamProjection<Cycle, string>
{
    public static Cycle Create(IEvent<CycleStarted> e) => Cycle.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Cycle Apply(IEvent<CyclePlanned> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<ExperimentsSkipped> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<VariantsPrepared> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<ExperimentRan> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<ExperimentEvaluated> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<RecommendationsRecorded> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<ConflictResolved> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<ChangeActivated> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<ChangeAwaitingApproval> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<NoChange> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<CycleReported> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<CyclePaused> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<CycleResumed> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<CycleStopped> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<CycleCompleted> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<CycleFailed> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    public Cycle Apply(IEvent<CycleChainEnded> e, Cycle c) => c.Apply(e.Data, At(e)) with { Version = e.Version };

    private static DateTimeOffset At(IEvent e) => e.Timestamp.ToMicroseconds();
}
