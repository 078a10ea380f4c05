using Bunit;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Overview;

namespace SelfLearn.Api.Tests.Web.Overview;

public sealed class OverviewPageTests(AppFixture fixture) : PageTest(fixture)
{
    [Fact]
    public async Task Shows_each_deployments_active_version_and_its_parameters_as_the_api_serves_them()
    {
        var version = await Host.CreateAndActivate("retrieval.top_k", 7);

        var page = RenderPage<OverviewPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        var deployment = page.Find("[data-testid=deployment-default]");
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), deployment.QuerySelector("[data-testid=active-version]")!.TextContent);
        Assert.Equal("7", deployment.QuerySelector("tr[data-factor='retrieval.top_k'] td:last-child")!.TextContent.Trim());
    }
}
