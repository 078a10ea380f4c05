using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Infrastructure;
using ChangeLinks = SelfLearn.Domain.Configuration.ChangeLinks;
using Wolverine;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>The Tuner's commands sent by the Manager's loop, with no approval, are held to the deployment's autonomy policy.</summary>
public sealed class LoopWriteTests(AppFixture fixture) : ApiTest(fixture)
{
    private Task<TunerOutcome> Send(object command) => Host.Services.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(command);

    private static CreateVersion ByTheLoop(string key, object value) => new("default",
        new Dictionary<string, JsonElement> { [key] = JsonSerializer.SerializeToElement(value) }, null, "cycle 1", "manager", "manager", ChangeLinks.None, null, ByTheLoop: true);

    [Fact]
    public async Task The_loop_changes_alone_only_what_the_policy_allows_and_a_refusal_appends_nothing()
    {
        await Host.Put("/api/deployments/default/autonomy", new { autonomous = new[] { new { key = "retrieval.top_k", min = 3, max = 6 } }, activations = new { max = 1, periodHours = 24 }, reason = "pilot" }, 200);
        var before = await Host.EventCount();

        var outside = await Send(ByTheLoop("retrieval.top_k", 8));
        var notAutonomous = await Send(ByTheLoop("retrieval.min_score", 0.2));

        Assert.Equal((TunerStatus.Rejected, "retrieval.top_k = 8 is outside the policy's range [3, 6]: a change needs an approval."), (outside.Status, outside.Describe()));
        Assert.Equal((TunerStatus.Rejected, "outside-autonomy"), (notAutonomous.Status, JsonSerializer.SerializeToElement(notAutonomous.Violations[0].Rule).GetString()));
        Assert.Equal(before, await Host.EventCount());

        var within = await Send(ByTheLoop("retrieval.top_k", 6));
        Assert.Equal(TunerStatus.Accepted, within.Status);

        // Opening the deployment was today's one activation: the loop may not activate alone; a person may.
        var activation = await Send(new ActivateVersion("default", 2, "cycle 1", "manager", ChangeLinks.None, null, ByTheLoop: true));
        Assert.Equal(TunerStatus.Rejected, activation.Status);
        Assert.Equal("activations", activation.Violations.Single().Key);
        await Host.Post("/api/deployments/default/versions/2/activate", new { reason = "a person decides" }, 200);
    }
}
