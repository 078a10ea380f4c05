using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>Designs for the experiment tests: a deployment with versions 1 and 2, a dataset, and the design bodies.</summary>
public static class ExperimentDesigns
{
    /// <summary>Registers <paramref name="count"/> library scenarios as dataset <paramref name="name"/>; returns its version.</summary>
    public static async Task<int> RegisterDataset(this IAlbaHost host, string name, int seed = 3, int count = 2)
    {
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), seed, count, ct: TestContext.Current.CancellationToken)).Set with { Name = name };
        return (await host.PostRaw("/api/datasets", ScenarioJson.Serialize(set), 201))!["version"]!.GetValue<int>();
    }

    /// <summary>The design of DesignHashTests in the Domain tests, as a body: its hash is pinned there.</summary>
    public static JsonObject Pinned(string id = "exp-design") => JsonNode.Parse($$$"""
        {"id":"{{{id}}}","deploymentId":"default","description":"top_k 5 → 2",
         "variants":[{"name":"control","configVersion":1,"role":"baseline"},{"name":"fewer","configVersion":2,"role":"treatment"}],
         "assignmentUnit":"user",
         "hypothesis":{"text":"Fewer items raise delivered precision","id":"hyp-1"},
         "primaryMetrics":[{"metric":"retrieval.delivered_precision","direction":"higher","minimumEffect":{"value":0.05,"scale":"absolute"},
                            "prior":{"standardDeviation":0.2,"source":"pilot"}}],
         "guardMetrics":[{"metric":"retrieval.delivered_recall","maxAbsoluteDegradation":0.02}],
         "alpha":0.05,"power":0.8,"mode":"offline","dataset":{"name":"tiny","version":1},"segments":["kind:single-hop"]}
        """)!.AsObject();

    public const string PinnedSha256 = "0997f38aa84a66a32f0cf4163b3f0a81832e51f938b0e6b38573adefb3bfcb3c";

    /// <summary>Version 2 of the default deployment (retrieval.top_k = 2) and dataset tiny@1: what <see cref="Pinned"/> needs.</summary>
    public static async Task PrepareForPinned(this IAlbaHost host)
    {
        Assert.Equal(2, await host.CreateAndActivate("retrieval.top_k", 2));
        Assert.Equal(1, await host.RegisterDataset("tiny"));
    }

    /// <summary>Registers a two-variant experiment (versions 1 and 1) with the given design members on top of today's body.</summary>
    public static Task<JsonNode?> Design(this IAlbaHost host, string id, string designMembers, int status = 201) =>
        host.PostRaw("/api/experiments", $$$"""
            {"id":"{{{id}}}","deploymentId":"default","variants":[{"name":"a","configVersion":1},{"name":"b","configVersion":1}]{{{(designMembers.Length > 0 ? "," : "")}}}{{{designMembers}}}}
            """, status);

    public static Task<JsonNode?> Transition(this IAlbaHost host, string id, string verb, int status = 200, object? body = null) =>
        host.Post($"/api/experiments/{id}/{verb}", body ?? new { reason = $"{verb} it" }, status);
}
