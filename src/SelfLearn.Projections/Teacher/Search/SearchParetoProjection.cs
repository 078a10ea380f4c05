using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Projections.Teacher.Search;

public sealed partial class SearchParetoProjection : SingleStreamProjection<SearchPareto, string>
{
    public static SearchPareto Create(IEvent<SearchStarted> e) => SearchPareto.Create(e.Data) with { Version = e.Version };

    public SearchPareto Apply(IEvent<SearchTrialRecorded> e, SearchPareto current) => current.Apply(e.Data) with { Version = e.Version };

    public SearchPareto Apply(IEvent<SearchCompleted> e, SearchPareto current) => current.Apply(e.Data) with { Version = e.Version };

    public SearchPareto Apply(IEvent<SearchAbandoned> e, SearchPareto current) => current.Apply(e.Data) with { Version = e.Version };
}
