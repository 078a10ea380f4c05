using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Projections.Teacher.Online;
using SelfLearn.Projections.Teacher.Search;

namespace SelfLearn.Projections.Teacher;

public static class TeacherRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(HypothesisProjection), typeof(RecommendationProjection), typeof(DegradationRulesProjection), .. SearchRegistration.Projections];

    public static StoreOptions AddTeacher(this StoreOptions options)
    {
        options.Projections.Add(new HypothesisProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new RecommendationProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new DegradationRulesProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Hypothesis>().Index(x => x.ExperimentId).Index(x => x.Status);
        options.Schema.For<Recommendation>().Index(x => x.ExperimentId).Index(x => x.Status);
        return options.AddSearches();
    }
}
