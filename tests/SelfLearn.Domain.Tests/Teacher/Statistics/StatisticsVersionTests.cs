using MathNet.Numerics.Distributions;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class StatisticsVersionTests
{
    // Verdicts store the version; upgrading MathNet.Numerics may move numbers, so it must come with a new version.
    [Fact]
    public void The_version_names_the_mathnet_release_in_use()
    {
        var mathNet = typeof(StudentT).Assembly.GetName().Version!;

        Assert.Equal("selflearn-stats-2+mathnet-5.0.0", StatisticsVersion.Current);
        Assert.EndsWith($"+mathnet-{mathNet.Major}.{mathNet.Minor}.{mathNet.Build}", StatisticsVersion.Current, StringComparison.Ordinal);
    }
}
