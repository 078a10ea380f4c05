using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Manager.Alerts;

namespace SelfLearn.Projections.Manager.Alerts;

/// <summary>The alert aggregate, kept inline: the acknowledgement fetches it for writing and the list reads it.</summary>
public sealed partial class AlertProjection : SingleStreamProjection<Alert, string>
{
    public static Alert Create(IEvent<AlertRaised> e) => Alert.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Alert Apply(IEvent<AlertAcknowledged> e, Alert current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
