using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Experiments;

/// <summary>Experiment histories and registrations for the deciders' tests, folded by the aggregate itself.</summary>
internal static class ExperimentHistory
{
    public static readonly DatasetVersionRef Tiny = new("tiny", 1);

    public static Experiment Given(params object[] events) => Experiment.Replay(events, Now)!;

    public static IReadOnlyList<ExperimentVariant> TwoVariants(VariantRole? first = null, VariantRole? second = null) =>
        [new("control", 1, first), new("fewer", 2, second)];

    /// <summary>Registers "exp-1" on an opened deployment with versions 1 and 2 and the dataset tiny@1.</summary>
    public static Decision Register(DesignProposal design, IReadOnlyList<ExperimentVariant>? variants = null) =>
        RegisterExperiment.Decide("exp-1", false, Configuration.DeploymentHistory.Given(Configuration.DeploymentHistory.Opened()), "default",
            variants ?? TwoVariants(), version => version is 1 or 2, AssignmentUnit.User, design, dataset => dataset == Tiny, "why", "test");

    public static ExperimentRegistered Registered(DesignProposal? design = null, IReadOnlyList<ExperimentVariant>? variants = null) =>
        (ExperimentRegistered)Register(design ?? DesignProposal.None, variants).Events.Single();

    public static object[] Started() => [Registered(), new ExperimentStarted("exp-1", "go", "test")];

    /// <summary>The one violation a design breaks: its key and rule, and the message.</summary>
    public static Violation OnlyViolation(DesignProposal design, IReadOnlyList<ExperimentVariant>? variants = null) =>
        Assert.Single(Register(design, variants).Violations);
}
