using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Projections.Manager.Goals;

/// <summary>A goal's read model, inline: the answer to a goal route is never behind the event that changed it.</summary>
public sealed partial class GoalProjection : SingleStreamProjection<Goal, string>
{
    public static Goal Create(IEvent<GoalStated> e) => Goal.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Goal Apply(IEvent<GoalEdited> e, Goal current) => current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Goal Apply(IEvent<GoalConfirmed> e, Goal current) => current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Goal Apply(IEvent<GoalActivated> e, Goal current) => current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Goal Apply(IEvent<GoalAchieved> e, Goal current) => current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Goal Apply(IEvent<GoalAbandoned> e, Goal current) => current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Goal Apply(IEvent<GoalPrioritised> e, Goal current) => current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
