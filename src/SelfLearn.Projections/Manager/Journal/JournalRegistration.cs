using JasperFx.Events.Projections;
using Marten;

namespace SelfLearn.Projections.Manager.Journal;

public static class JournalRegistration
{
    public static IReadOnlyList<Type> Projections { get; } = [typeof(JournalProjection)];

    public static StoreOptions AddJournal(this StoreOptions options)
    {
        options.Projections.Add(new JournalProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<JournalEntry>().Index(x => x.Sequence);
        options.Schema.For<JournalEntry>().Index(x => x.CycleId);
        options.Schema.For<JournalEntry>().Index(x => x.Stream);
        return options;
    }
}
