using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class NormalDistributionTests
{
    // Reference values from tables of erf and the standard normal distribution; 7.1.26 promises |error| < 1.5e-7.
    [Fact]
    public void Erf_matches_tabulated_values()
    {
        Assert.Equal(0, NormalDistribution.Erf(0), 2e-7);
        Assert.Equal(0.5204998778, NormalDistribution.Erf(0.5), 2e-7);
        Assert.Equal(0.8427007929, NormalDistribution.Erf(1), 2e-7);
        Assert.Equal(-0.8427007929, NormalDistribution.Erf(-1), 2e-7);
        Assert.Equal(0.9953222650, NormalDistribution.Erf(2), 2e-7);
        Assert.Equal(1, NormalDistribution.Erf(6), 2e-7);
    }

    [Fact]
    public void Cdf_matches_tabulated_values()
    {
        Assert.Equal(0.5, NormalDistribution.Cdf(0), 2e-7);
        Assert.Equal(0.8413447461, NormalDistribution.Cdf(1), 2e-7);
        Assert.Equal(0.9750021049, NormalDistribution.Cdf(1.96), 2e-7);
        Assert.Equal(0.0227501319, NormalDistribution.Cdf(-2), 2e-7);
    }
}
