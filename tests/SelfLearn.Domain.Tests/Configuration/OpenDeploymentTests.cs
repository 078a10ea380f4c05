using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Configuration;

public sealed class OpenDeploymentTests
{
    [Fact]
    public void Opening_a_deployment_creates_and_activates_version_1_with_the_defaults()
    {
        var d = Given(Opened());
        Assert.Equal(1, d.ActiveVersion);
        Assert.Equal(Catalog.Defaults(Default).Keys, d.ActiveParameters.Keys);
        Assert.Equal(2, d.Version);
    }

    [Fact]
    public void Opening_an_existing_deployment_is_a_conflict_and_a_bad_id_is_rejected()
    {
        Assert.NotNull(OpenDeployment.Decide("default", true, Default, "r", "t").Conflict);
        Assert.Equal(ViolationRule.InvalidDefinition,
            Assert.Single(OpenDeployment.Decide("Bad Id!", false, Default, "r", "t").Violations).Rule);
    }
}
