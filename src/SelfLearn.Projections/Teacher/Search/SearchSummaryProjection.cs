using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Projections.Teacher.Search;

public sealed partial class SearchSummaryProjection : SingleStreamProjection<SearchSummary, string>
{
    public static SearchSummary Create(IEvent<SearchStarted> e) =>
        SearchSummary.Create(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public SearchSummary Apply(IEvent<SearchTrialRecorded> e, SearchSummary current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public SearchSummary Apply(IEvent<SearchCompleted> e, SearchSummary current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };

    public SearchSummary Apply(IEvent<SearchAbandoned> e, SearchSummary current) =>
        current.Apply(e.Data, e.Timestamp.ToMicroseconds()) with { Version = e.Version };
}
