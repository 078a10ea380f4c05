using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Manager.Approvals;

namespace SelfLearn.Projections.Manager.Approvals;

/// <summary>The approval aggregate, kept inline: the Tuner fetches it for writing and the queue reads it.</summary>
public sealed partial class ApprovalProjection : SingleStreamProjection<Approval, string>
{
    public static Approval Create(IEvent<ApprovalRequested> e) =>
        Approval.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Approval Apply(IEvent<ApprovalGranted> e, Approval current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Approval Apply(IEvent<ApprovalDeclined> e, Approval current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public Approval Apply(IEvent<ApprovalUsed> e, Approval current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
