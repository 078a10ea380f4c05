using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>Experiments on the default deployment with variants control (version 1) and fewer (top_k 1), and live queries.</summary>
public static class LiveTraffic
{
    public static readonly string[] Variants = ["control", "fewer"];

    /// <summary>Creates the version "fewer" runs with; returns its number.</summary>
    public static async Task<int> CreateFewerItemsVersion(this IAlbaHost host) =>
        (await host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 1 }, reason = "fewer items" }, 201))!["configVersion"]!.GetValue<int>();

    public static Task<JsonNode?> RegisterExperiment(
        this IAlbaHost host, string id, int fewerVersion, string mode = "online", string unit = "user", double[]? weights = null) =>
        host.Post("/api/experiments", new
        {
            id, deploymentId = "default", assignmentUnit = unit, mode,
            variants = new[]
            {
                new { name = "control", configVersion = 1, weight = weights?[0] },
                new { name = "fewer", configVersion = fewerVersion, weight = weights?[1] },
            },
        }, 201);

    /// <summary>A live query: names no experiment unless asked to.</summary>
    public static Task<JsonNode?> AskLive(
        this IAlbaHost host, string user, string? thread = null, string? cycleType = null, string? experimentId = null) =>
        host.Post("/maas/v1/query", new { deploymentId = "default", userId = user, threadId = thread, question = "what do you remember?", cycleType, experimentId },
            200, Keys.Service);

    public static (string? ExperimentId, string? Variant, int ConfigVersion, string CycleType) Served(this JsonNode? answer) =>
        (answer!["experimentId"]?.GetValue<string>(), answer["variant"]?.GetValue<string>(), answer["configVersion"]!.GetValue<int>(),
            answer["cycleType"]!.GetValue<string>());

    /// <summary>
    /// The variant the contract says a unit gets, computed here from the hash: the first 8 bytes of
    /// SHA-256("experimentId\nunit"), big-endian; modulo 2 without weights, else its top 53 bits / 2^53 against the
    /// cumulative shares.
    /// </summary>
    public static string ExpectedVariant(string experimentId, string unit, double[]? weights = null)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(experimentId + "\n" + unit));
        var head = 0UL;
        for (var i = 0; i < 8; i++)
            head = (head << 8) | digest[i];
        if (weights is null)
            return Variants[(int)(head % 2)];
        var position = (head >> 11) / 9007199254740992.0;
        return position < weights[0] / (weights[0] + weights[1]) ? Variants[0] : Variants[1];
    }
}
