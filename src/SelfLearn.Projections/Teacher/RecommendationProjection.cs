using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Teacher.Recommendations;

namespace SelfLearn.Projections.Teacher;

public sealed partial class RecommendationProjection : SingleStreamProjection<Recommendation, string>
{
    public static Recommendation Create(IEvent<RecommendationRecorded> e) =>
        Recommendation.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
