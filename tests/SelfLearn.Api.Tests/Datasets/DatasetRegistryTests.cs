using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Api.Tests.Datasets;

/// <summary>Golden datasets are versioned by content: same bytes, same version; new bytes, next version; old versions stay readable.</summary>
public sealed class DatasetRegistryTests(AppFixture fixture) : ApiTest(fixture)
{
    private static async Task<string> SetJson(int seed) =>
        ScenarioJson.Serialize((await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), seed, 2, ct: TestContext.Current.CancellationToken)).Set);

    [Fact]
    public async Task Registering_versions_by_content_and_reading_them_back_byte_for_byte()
    {
        var first = await SetJson(1);
        var created = await Host.PostRaw("/api/datasets", first, 201);
        Assert.Equal(1, created!["version"]!.GetValue<int>());
        Assert.True(created["created"]!.GetValue<bool>());

        var again = await Host.PostRaw("/api/datasets", first, 200);
        Assert.Equal(1, again!["version"]!.GetValue<int>());
        Assert.False(again["created"]!.GetValue<bool>());

        var second = await SetJson(2);
        Assert.Equal(2, (await Host.PostRaw("/api/datasets", second, 201))!["version"]!.GetValue<int>());

        var old = await Host.Scenario(s =>
        {
            s.Get.Url("/api/datasets/builtin/versions/1");
            s.WithRequestHeader("X-Api-Key", Keys.Auditor);
        });
        Assert.Equal(first, await old.ReadAsTextAsync());
        var dataset = await Host.Get("/api/datasets/builtin");
        var versions = dataset!["versions"]!.AsArray();
        Assert.Equal([1, 2], versions.Select(v => v!["registered"]!["version"]!.GetValue<int>()));
        Assert.Equal(created["sha256"]!.GetValue<string>(), versions[0]!["registered"]!["sha256"]!.GetValue<string>());
        Assert.True(versions[0]!["registered"]!["questionKinds"]!.AsObject().Count >= 5);
        Assert.Equal(2, (await Host.Get("/api/datasets"))![0]!["latestVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_malformed_set_gets_a_problem_with_the_path_of_its_first_error_and_writes_nothing()
    {
        var json = JsonNode.Parse(await SetJson(1))!;
        json["scenarios"]![0]!["sessions"]![1]!["date"] = "not a date";
        var events = await Host.EventCount();

        var problem = await Host.PostRaw("/api/datasets", json.ToJsonString(), 400);

        Assert.Equal("$.scenarios[0].sessions[1].date", problem!["path"]!.GetValue<string>());
        Assert.Equal(events, await Host.EventCount());
        await Host.Get("/api/datasets/builtin", 404);
    }

    [Fact]
    public async Task Only_writers_register_datasets_and_unknown_ones_are_404()
    {
        await Host.PostRaw("/api/datasets", await SetJson(1), 403, Keys.Auditor);
        await Host.PostRaw("/api/datasets", await SetJson(1), 401, null);
        await Host.Get("/api/datasets/nothing/versions/1", 404);
        await Host.Get("/api/simulations/s-missing", 404);
    }
}
