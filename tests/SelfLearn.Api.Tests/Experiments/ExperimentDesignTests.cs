using System.Text.Json.Nodes;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>POST /api/experiments takes a design; today's body keeps working with the defaults; bad designs write nothing.</summary>
public sealed class ExperimentDesignTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_design_is_recorded_with_its_planned_sample_size_and_the_hash_pinned_in_the_domain_tests()
    {
        await Host.PrepareForPinned();

        var created = await Host.Post("/api/experiments", ExperimentDesigns.Pinned(), 201);

        Assert.Equal(ExperimentDesigns.PinnedSha256, created!["designSha256"]!.GetValue<string>());
        Assert.Equal("designed", created["status"]!.GetValue<string>());
        var design = created["design"]!;
        Assert.Equal(128, design["plannedSampleSize"]!["perVariant"]!.GetValue<int>());
        Assert.Equal("paired", design["analysis"]!.GetValue<string>());
        Assert.Equal("higher", design["guardMetrics"]![0]!["direction"]!.GetValue<string>());
        var read = await Host.Get("/api/experiments/exp-design", key: Keys.Service);
        Assert.True(JsonNode.DeepEquals(created, read));
        Assert.Equal(["baseline", "treatment"], read!["variants"]!.AsArray().Select(v => v!["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Todays_body_keeps_working_with_the_first_variant_as_baseline_and_the_documented_defaults()
    {
        var created = await Host.Design("exp-plain", "");

        var design = created!["design"]!;
        Assert.Equal(["baseline", "treatment"], design["variants"]!.AsArray().Select(v => v!["role"]!.GetValue<string>()));
        Assert.Equal((0.05, 0.8, "offline", "paired", "user"), (design["alpha"]!.GetValue<double>(), design["power"]!.GetValue<double>(),
            design["mode"]!.GetValue<string>(), design["analysis"]!.GetValue<string>(), design["assignmentUnit"]!.GetValue<string>()));
        Assert.Empty(design["primaryMetrics"]!.AsArray());
        Assert.Empty(design["guardMetrics"]!.AsArray());
        Assert.Empty(design["segments"]!.AsArray());
        Assert.Null(design["dataset"]);
        Assert.Null(design["plannedSampleSize"]);
        Assert.Matches("^[0-9a-f]{64}$", created["designSha256"]!.GetValue<string>());
        Assert.Equal("designed", Assert.Single(created["transitions"]!.AsArray())!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""  "primaryMetrics":[{"metric":"retrieval.recall@7","minimumEffect":{"value":0.1,"scale":"absolute"}}]  """,
        "unknown metric 'retrieval.recall@7'")]
    [InlineData("""  "guardMetrics":[{"metric":"latency.total_s","bound":500}]  """, "unknown metric 'latency.total_s'")]
    [InlineData("""  "segments":["kind:gossip"]  """, "segment 'kind:gossip': unknown question kind 'gossip'")]
    [InlineData("""  "segments":["mood:happy"]  """, "segment 'mood:happy': unknown dimension 'mood'")]
    [InlineData("""  "guardMetrics":[{"metric":"latency.total_ms"}]  """, "guard 'latency.total_ms' has no limit")]
    [InlineData("""  "alpha":0  """, "'alpha' lies strictly between 0 and 1, not 0.")]
    [InlineData("""  "alpha":1.2  """, "'alpha' lies strictly between 0 and 1, not 1.2.")]
    [InlineData("""  "power":1  """, "'power' lies strictly between 0 and 1, not 1.")]
    [InlineData("""  "primaryMetrics":[{"metric":"retrieval.mrr","minimumEffect":{"value":0,"scale":"relative"}}]  """, "a minimum effect is above 0, not 0.")]
    [InlineData("""  "primaryMetrics":[{"metric":"retrieval.mrr","minimumEffect":{"value":-0.1,"scale":"absolute"}}]  """, "a minimum effect is above 0, not -0.1.")]
    [InlineData("""  "dataset":{"name":"nowhere","version":1}  """, "no dataset 'nowhere' version 1")]
    [InlineData("""  "mode":"online","dataset":{"name":"nowhere","version":1}  """, "an online experiment runs on real traffic and names no dataset.")]
    public async Task A_bad_design_is_a_400_naming_what_is_wrong_and_appends_nothing(string members, string message)
    {
        var problem = await Host.RefusedPost("/api/experiments",
            $$"""{"id":"exp-bad","deploymentId":"default","variants":[{"name":"a","configVersion":1},{"name":"b","configVersion":1}],{{members}}}""", 400);

        Assert.Contains(message, problem.Detail(), StringComparison.Ordinal);
        Assert.Contains(message, Assert.Single(problem["violations"]!.AsArray())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await Host.Get("/api/experiments/exp-bad", 404);
    }

    [Theory]
    [InlineData("treatment", "treatment", "none has it")]
    [InlineData("baseline", "baseline", "2 have it: a, b")]
    public async Task A_design_without_exactly_one_baseline_is_a_400(string first, string second, string why)
    {
        var problem = await Host.RefusedPost("/api/experiments", $$"""
            {"id":"exp-roles","deploymentId":"default","variants":[{"name":"a","configVersion":1,"role":"{{first}}"},{"name":"b","configVersion":1,"role":"{{second}}"}]}
            """, 400);
        Assert.Contains($"a design has exactly one variant with role 'baseline'; {why}", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dataset_version_that_does_not_exist_yet_is_refused()
    {
        await Host.RegisterDataset("tiny");
        var problem = await Host.RefusedPost("/api/experiments", """
            {"id":"exp-v2","deploymentId":"default","variants":[{"name":"a","configVersion":1},{"name":"b","configVersion":1}],"dataset":{"name":"tiny","version":2}}
            """, 400);
        Assert.Equal("unknown-version", problem["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("no dataset 'tiny' version 2 (GET /api/datasets lists the registered ones).", problem.Detail());
    }

    [Fact]
    public async Task A_role_or_mode_that_is_not_one_of_the_names_is_refused_at_the_edge()
    {
        var problem = await Host.RefusedPost("/api/experiments",
            """{"id":"e","deploymentId":"default","variants":[{"name":"a","configVersion":1,"role":"control"}]}""", 400);
        Assert.Equal("$.variants[0].role", problem["path"]!.GetValue<string>());
        Assert.Contains("one of: baseline, treatment", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal("$.mode", (await Host.RefusedPost("/api/experiments", """{"id":"e","mode":"shadow"}""", 400))["path"]!.GetValue<string>());
    }
}
