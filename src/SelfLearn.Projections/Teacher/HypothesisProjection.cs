using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Projections.Teacher;

public sealed partial class HypothesisProjection : SingleStreamProjection<Hypothesis, string>
{
    public static Hypothesis Create(IEvent<HypothesisProposed> e) =>
        Hypothesis.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
