using System.Globalization;
using Bunit;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Web.Datasets;

namespace SelfLearn.Api.Tests.Web.Datasets;

public sealed class DatasetPagesTests(AppFixture fixture) : PageTest(fixture)
{
    private static async Task<string> SetJson(int seed) =>
        ScenarioJson.Serialize((await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), seed, 2, ct: Xunit.TestContext.Current.CancellationToken)).Set);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_datasets_page_lists_each_dataset_with_its_latest_version_as_the_api_serves_it()
    {
        await Host.PostRaw("/api/datasets", await SetJson(1), 201);
        await Host.PostRaw("/api/datasets", await SetJson(2), 201);
        var listed = Assert.Single((await Host.Get("/api/datasets"))!.AsArray())!;

        var page = RenderPage<DatasetsPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        var row = page.Find($"tr[data-dataset='{listed["name"]!.GetValue<string>()}']");
        Assert.Equal(Text(listed["latestVersion"]!.GetValue<int>()), row.QuerySelector("[data-cell=version]")!.TextContent.Trim());
        Assert.Equal(listed["latestSha256"]!.GetValue<string>(), row.QuerySelector("[data-cell=sha256]")!.TextContent.Trim());
        Assert.Equal(Text(listed["scenarios"]!.GetValue<int>()), row.QuerySelector("[data-cell=scenarios]")!.TextContent.Trim());
        Assert.Equal(Text(listed["questions"]!.GetValue<int>()), row.QuerySelector("[data-cell=questions]")!.TextContent.Trim());
        Assert.Equal($"/datasets/builtin#v{listed["latestVersion"]}", row.QuerySelector("[data-cell=version] a")!.GetAttribute("href"));
        Assert.Equal("No simulation has run yet.", page.Find("[data-testid=empty]").TextContent.Trim());
    }

    [Fact]
    public async Task A_datasets_page_shows_every_version_with_its_hash_size_and_question_kinds()
    {
        await Host.PostRaw("/api/datasets", await SetJson(1), 201);
        await Host.PostRaw("/api/datasets", await SetJson(2), 201);
        var versions = (await Host.Get("/api/datasets/builtin"))!["versions"]!.AsArray();

        var page = RenderPage<DatasetPage>(p => p.Add(x => x.Name, "builtin"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        Assert.Equal(2, page.FindAll("tr[data-version]").Count);
        foreach (var version in versions)
        {
            var registered = version!["registered"]!;
            var row = page.Find($"tr#v{registered["version"]}");
            Assert.Equal(registered["sha256"]!.GetValue<string>(), row.QuerySelector("[data-cell=sha256]")!.TextContent.Trim());
            Assert.Equal(Text(registered["scenarios"]!.GetValue<int>()), row.QuerySelector("[data-cell=scenarios]")!.TextContent.Trim());
            Assert.Equal(Text(registered["questions"]!.GetValue<int>()), row.QuerySelector("[data-cell=questions]")!.TextContent.Trim());
            var kinds = registered["questionKinds"]!.AsObject().OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value!.GetValue<int>()}");
            Assert.Equal(string.Join(", ", kinds), row.QuerySelector("[data-cell=kinds]")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task An_unknown_dataset_shows_the_apis_problem_text()
    {
        var detail = (await Host.Get("/api/datasets/nope", 404))!["detail"]!.GetValue<string>();

        var page = RenderPage<DatasetPage>(p => p.Add(x => x.Name, "nope"), Keys.Auditor, "auditor");
        WaitUntilLoaded(page);

        Assert.EndsWith(detail, page.Find("[data-testid=problem]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("tr[data-version]"));
    }
}
