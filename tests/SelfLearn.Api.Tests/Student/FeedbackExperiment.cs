using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

/// <summary>The experiment the feedback tests rate runs of: <c>exp-fb</c>, variants control (version 1) and fewer (top_k 1); alice remembers Max.</summary>
public static class FeedbackExperiment
{
    public const string Id = "exp-fb";

    public static async Task SetUpFeedbackExperimentAsync(this IAlbaHost host)
    {
        var created = await host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 1 }, reason = "fewer items" }, 201);
        await host.Post("/api/experiments", new
        {
            id = Id, deploymentId = "default", assignmentUnit = "user",
            variants = new[] { new { name = "control", configVersion = 1 }, new { name = "fewer", configVersion = created!["configVersion"]!.GetValue<int>() } },
        }, 201);
        await host.Remember("alice", ("I adopted a beagle named Max.", "D1:1", "2023-05-08T10:00:00Z"));
    }
}
