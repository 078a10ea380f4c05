using SelfLearn.Domain.Experiments;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Experiments;

/// <summary>Experiments registered before designs existed still load: the default design and its hash apply.</summary>
public sealed class ExperimentTests
{
    [Fact]
    public void An_event_stored_without_a_design_gets_the_default_design_with_the_first_variant_as_baseline()
    {
        var old = new ExperimentRegistered("exp-old", "default", [new("control", 1), new("fewer", 2)], AssignmentUnit.Thread, "before designs", "t");

        var experiment = Experiment.Create(old, Now);

        Assert.Equal([VariantRole.Baseline, VariantRole.Treatment], experiment.Variants.Select(v => v.Role!.Value));
        Assert.Equal(experiment.Variants, experiment.Design.Variants);
        Assert.Equal((0.05, 0.8, ExperimentMode.Offline, AssignmentUnit.Thread), (experiment.Design.Alpha, experiment.Design.Power, experiment.Design.Mode,
            experiment.Design.AssignmentUnit));
        Assert.Equal(DesignHash.Of(ExperimentDesign.Default(old.Variants, AssignmentUnit.Thread)), experiment.DesignSha256);
        Assert.Equal((ExperimentStatus.Designed, (DateTimeOffset?)null), (experiment.Status, experiment.StartedAt));
    }
}
