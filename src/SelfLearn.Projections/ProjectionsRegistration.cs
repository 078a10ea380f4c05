using JasperFx.Events;
using Marten;
using SelfLearn.Projections.Configuration;
using SelfLearn.Projections.Datasets;
using SelfLearn.Projections.Experiments;
using SelfLearn.Projections.ImpactFactors;
using SelfLearn.Projections.Manager.Alerts;
using SelfLearn.Projections.Manager.Goals;
using SelfLearn.Projections.Manager.Approvals;
using SelfLearn.Projections.Manager.Autonomy;
using SelfLearn.Projections.Manager.Cycles;
using SelfLearn.Projections.Manager.Journal;
using SelfLearn.Projections.Simulations;
using SelfLearn.Projections.Teacher;

namespace SelfLearn.Projections;

public static class ProjectionsRegistration
{
    /// <summary>Every projection, in the order a full rebuild runs them (the order the features register in).</summary>
    public static IReadOnlyList<Type> ProjectionTypes { get; } =
    [
        .. ImpactFactorsRegistration.Projections, .. ConfigurationRegistration.Projections, .. ExperimentsRegistration.Projections,
        .. DatasetsRegistration.Projections, .. SimulationsRegistration.Projections, .. TeacherRegistration.Projections,
        .. GoalsRegistration.Projections,
        .. AutonomyRegistration.Projections, .. ApprovalsRegistration.Projections, .. CyclesRegistration.Projections, .. AlertsRegistration.Projections,
        .. JournalRegistration.Projections,
    ];

    /// <summary>The event store settings every feature relies on, then each feature's own projections and indexes.</summary>
    public static StoreOptions AddSelfLearnProjections(this StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Rich appends give inline projections the stream version and global sequence they record.
        options.Events.AppendMode = EventAppendMode.Rich;
        // Versions and change-log rows are insert-only (one new document per event), so rebuilds can COPY them.
        options.Projections.RebuildWithBulkCopy = true;

        return options.AddImpactFactors().AddConfiguration().AddExperiments().AddDatasets().AddSimulations().AddTeacher()
            .AddGoals().AddAutonomy().AddApprovals().AddCycles().AddAlerts()
            .AddJournal();
    }
}
