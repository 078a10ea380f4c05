using JasperFx.Events.Projections;
using Marten;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Projections.Teacher.Search;

/// <summary>
/// A search's summary (also the state its deciders check) and its Pareto front, both inline like the Teacher's other
/// read models: a trial batch and the documents it changes commit together, so a reader never sees a trial the
/// summary does not count.
/// </summary>
public static class SearchRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(SearchSummaryProjection), typeof(SearchParetoProjection)];

    public static StoreOptions AddSearches(this StoreOptions options)
    {
        options.Projections.Add(new SearchSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SearchParetoProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<SearchSummary>().Index(x => x.StartedAt).Index(x => x.Status);
        return options;
    }
}
