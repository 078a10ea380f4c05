using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfLearn.Agents.Manager.Alerts;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Manager.Alerts;

namespace SelfLearn.Api.Tests.Manager.Alerts;

/// <summary>The alerts read model through its routes: list and filters, one alert, the meta-user's acknowledgement once.</summary>
public sealed class AlertRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>Three alerts raised one after the other (oldest first), the second on another deployment.</summary>
    private async Task RaiseThree()
    {
        await Raise(new AlertRaised("a-failed", AlertKind.CycleFailed, "default", "cyc-1", "cycle cyc-1 failed", Evidence("""{"step":"Plan"}"""), "system:manager"));
        await Raise(new AlertRaised("a-waiting", AlertKind.AwaitingApproval, "eu-west", "cyc-2", "cycle cyc-2 waits", null, "system:manager"));
        await Raise(new AlertRaised("a-guard", AlertKind.GuardBreached, "default", "exp-1", "a guard was breached", null, "teacher"));
    }

    [Fact]
    public async Task Alerts_are_listed_newest_first_open_by_default_and_filtered_by_state_kind_and_deployment()
    {
        await RaiseThree();
        await Host.Post("/api/alerts/a-waiting/acknowledge", new { note = "approved it" }, 200);

        Assert.Equal(["a-guard", "a-failed"], await Ids("/api/alerts"));
        Assert.Equal(["a-guard", "a-failed"], await Ids("/api/alerts?state=open"));
        Assert.Equal(["a-waiting"], await Ids("/api/alerts?state=acknowledged"));
        Assert.Equal(["a-guard", "a-waiting", "a-failed"], await Ids("/api/alerts?state=all"));
        Assert.Equal(["a-failed"], await Ids("/api/alerts?state=all&kind=cycleFailed"));
        Assert.Equal(["a-guard", "a-failed"], await Ids("/api/alerts?state=all&deploymentId=default"));
        Assert.Equal(["a-waiting"], await Ids("/api/alerts?state=all&deploymentId=eu-west&kind=awaitingApproval"));
        Assert.Equal(["a-guard"], await Ids("/api/alerts?state=all&limit=1"));

        Assert.Equal("'state' is one of open, acknowledged, all, not 'closed'.", Detail(await Host.Get("/api/alerts?state=closed", 400)));
        Assert.Equal("'kind' is one of ruleFired, pinnedNotRolledBack, sampleRatioMismatch, guardBreached, cycleFailed, awaitingApproval, not 'CycleFailed'.",
            Detail(await Host.Get("/api/alerts?kind=CycleFailed", 400)));
        Assert.Equal("'limit' must be between 1 and 1000.", Detail(await Host.Get("/api/alerts?limit=0", 400)));
        await Host.Get("/api/alerts", 403, Keys.Service);
    }

    [Fact]
    public async Task One_alert_is_read_by_its_id_and_an_unknown_one_is_a_404()
    {
        await RaiseThree();

        var alert = (await Host.Get("/api/alerts/a-failed"))!;
        Assert.Equal(("a-failed", "cycleFailed", "default", "cyc-1", "cycle cyc-1 failed", "open", "system:manager"),
            (alert["alertId"]!.GetValue<string>(), alert["kind"]!.GetValue<string>(), alert["deploymentId"]!.GetValue<string>(),
                alert["subject"]!.GetValue<string>(), alert["message"]!.GetValue<string>(), alert["state"]!.GetValue<string>(), alert["raisedBy"]!.GetValue<string>()));
        Assert.Equal("""{"step":"Plan"}""", alert["evidence"]!.ToJsonString());
        Assert.Null(alert["acknowledgedBy"]);
        Assert.Equal("no alert 'nope'.", Detail(await Host.Get("/api/alerts/nope", 404)));
    }

    [Fact]
    public async Task The_meta_user_acknowledges_an_alert_once_and_every_refusal_writes_nothing()
    {
        await RaiseThree();

        var acknowledged = (await Host.Post("/api/alerts/a-guard/acknowledge", new { note = "latency guard: rolled the version back" }, 200))!;
        Assert.Equal(("acknowledged", "latency guard: rolled the version back", 2L),
            (acknowledged["state"]!.GetValue<string>(), acknowledged["note"]!.GetValue<string>(), acknowledged["version"]!.GetValue<long>()));
        Assert.StartsWith("meta-user#", acknowledged["acknowledgedBy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(acknowledged["acknowledgedAt"]);

        var before = await Host.EventCount();
        Assert.Equal($"alert 'a-guard' was already acknowledged by {acknowledged["acknowledgedBy"]!.GetValue<string>()}.",
            Detail(await Host.Post("/api/alerts/a-guard/acknowledge", new { note = "again" }, 409)));
        Assert.Equal("no alert 'nope'.", Detail(await Host.Post("/api/alerts/nope/acknowledge", new { }, 404)));
        await Host.Post("/api/alerts/a-failed/acknowledge", new { }, 403, Keys.Auditor);
        Assert.Equal("'note' is longer than 2000 characters.", Detail(await Host.Post("/api/alerts/a-failed/acknowledge", new { note = new string('x', 2001) }, 400)));
        Assert.Equal(before, await Host.EventCount());
        Assert.Equal("latency guard: rolled the version back", (await Host.Get("/api/alerts/a-guard"))!["note"]!.GetValue<string>());

        var withoutNote = (await Host.Post("/api/alerts/a-failed/acknowledge", new { }, 200))!;
        Assert.Equal("acknowledged", withoutNote["state"]!.GetValue<string>());
        Assert.Null(withoutNote["note"]);
    }

    [Fact]
    public async Task Of_racing_acknowledgements_of_one_alert_exactly_one_is_recorded()
    {
        const int racers = 4;
        await RaiseThree();
        var before = await Host.EventCount();
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        using var barrier = new Barrier(racers);

        var statuses = await Task.WhenAll(Enumerable.Range(0, racers).Select(i => Task.Run(async () =>
        {
            using var body = new StringContent($$"""{"note":"racer {{i}}"}""", Encoding.UTF8, "application/json");
            barrier.SignalAndWait(TestContext.Current.CancellationToken);
            using var response = await client.PostAsync("/api/alerts/a-failed/acknowledge", body);
            return response.StatusCode;
        })));

        Assert.Equal((1, racers - 1), (statuses.Count(s => s == HttpStatusCode.OK), statuses.Count(s => s == HttpStatusCode.Conflict)));
        Assert.Equal(before + 1, await Host.EventCount());
    }

    private async Task Raise(AlertRaised alert)
    {
        await using var session = Fixture.Store.LightweightSession();
        RaiseAlert.Start(session, alert);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string[]> Ids(string url) => [.. (await Host.Get(url))!.AsArray().Select(a => a!["alertId"]!.GetValue<string>())];

    private static JsonElement Evidence(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static string Detail(JsonNode? problem) => problem!["detail"]!.GetValue<string>();
}
