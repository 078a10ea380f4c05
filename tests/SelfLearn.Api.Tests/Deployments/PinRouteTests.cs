using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Deployments;

/// <summary>Pin and unpin: the pin belongs to a version, survives activations of others, and never blocks a person's rollback.</summary>
public sealed class PinRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Pinning_without_a_version_pins_the_active_one_shown_with_the_active_config_and_in_the_journal()
    {
        var pinned = (await Host.Post("/api/deployments/default/pin", new { reason = "the launch week" }, 200))!;
        Assert.Equal(("default", 1, 1, 3L), (pinned["deploymentId"]!.GetValue<string>(), pinned["pinnedVersion"]!.GetValue<int>(),
            pinned["activeVersion"]!.GetValue<int>(), pinned["streamVersion"]!.GetValue<long>()));

        var config = (await Host.Get("/api/deployments/default/config", key: Keys.Service))!;
        Assert.Equal((1, 1), (config["configVersion"]!.GetValue<int>(), config["pinnedVersion"]!.GetValue<int>()));
        var deployment = (await Host.Get("/api/deployments", key: Keys.Service))!.AsArray().Single(d => d!["id"]!.GetValue<string>() == "default")!;
        Assert.Equal(1, deployment["pinnedVersion"]!.GetValue<int>());

        var unpinned = (await Host.Post("/api/deployments/default/unpin", new { reason = "launch over" }, 200))!;
        Assert.Null(unpinned["pinnedVersion"]);
        Assert.Null((await Host.Get("/api/deployments/default/config", key: Keys.Service))!["pinnedVersion"]);

        var journal = (await Host.Get("/api/journal?limit=1000"))!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "pin")
            .Select(r => (r!["event"]!.GetValue<string>(), r["summary"]!.GetValue<string>()));
        Assert.Equal([("VersionPinned", "pinned version 1: the launch week"), ("VersionUnpinned", "unpinned version 1: launch over")], journal);
    }

    [Fact]
    public async Task The_pin_stays_on_its_version_when_another_is_activated_and_a_person_may_still_roll_the_pinned_version_back()
    {
        var v2 = await Host.CreateAndActivate("retrieval.top_k", 8);
        await Host.Post("/api/deployments/default/pin", new { reason = "known good" }, 200);
        var v3 = await Host.CreateAndActivate("retrieval.top_k", 9);

        var config = (await Host.Get("/api/deployments/default/config", key: Keys.Service))!;
        Assert.Equal((v3, v2), (config["configVersion"]!.GetValue<int>(), config["pinnedVersion"]!.GetValue<int>()));

        await Host.Post("/api/deployments/default/rollback", new { reason = "back to the pinned one" }, 200);
        var back = (await Host.Post("/api/deployments/default/rollback", new { reason = "by hand, pinned or not" }, 200))!;
        Assert.Equal(1, back["activeVersion"]!.GetValue<int>());
        Assert.Equal(v2, (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["pinnedVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Refused_pins_and_unpins_write_nothing()
    {
        await Host.Post("/api/deployments/default/versions", new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 4 }, reason = "r" }, 201);
        var before = await Host.EventCount();

        Assert.Equal("no version of deployment 'default' is pinned.", Detail(await Host.Post("/api/deployments/default/unpin", new { reason = "r" }, 409)));
        var unknown = (await Host.Post("/api/deployments/default/pin", new { version = 7, reason = "r" }, 400))!;
        Assert.Equal("unknown-version", unknown["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("'reason' is required.", Detail(await Host.Post("/api/deployments/default/pin", new { version = 1 }, 400)));
        Assert.Equal("'reason' is required.", Detail(await Host.Post("/api/deployments/default/unpin", new { reason = " " }, 400)));
        Assert.Equal("no deployment 'nowhere'.", Detail(await Host.Post("/api/deployments/nowhere/pin", new { reason = "r" }, 404)));
        await Host.Post("/api/deployments/default/pin", new { reason = "r" }, 403, Keys.Auditor);
        Assert.Equal(before, await Host.EventCount());

        await Host.Post("/api/deployments/default/pin", new { reason = "r" }, 200);
        var pinned = await Host.EventCount();
        Assert.Equal("version 1 of deployment 'default' is already pinned.", Detail(await Host.Post("/api/deployments/default/pin", new { reason = "r" }, 409)));
        Assert.Equal("version 1 of deployment 'default' is pinned; unpin it before pinning version 2.",
            Detail(await Host.Post("/api/deployments/default/pin", new { version = 2, reason = "r" }, 409)));
        Assert.Equal(pinned, await Host.EventCount());
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_409_that_writes_nothing()
    {
        var streamVersion = (await Host.Post("/api/deployments/default/pin", new { reason = "r", expectedVersion = 2 }, 200))!["streamVersion"]!.GetValue<long>();
        var before = await Host.EventCount();
        await Host.Post("/api/deployments/default/unpin", new { reason = "r", expectedVersion = 2 }, 409);
        Assert.Equal(before, await Host.EventCount());
        await Host.Post("/api/deployments/default/unpin", new { reason = "r", expectedVersion = streamVersion }, 200);
    }

    [Fact]
    public async Task Of_two_pins_racing_on_the_same_expected_version_exactly_one_wins()
    {
        await Host.Post("/api/deployments/default/versions", new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 4 }, reason = "r" }, 201);
        var before = await Host.EventCount();
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        using var barrier = new Barrier(2);

        var statuses = await Task.WhenAll(new[] { 1, 2 }.Select(version => Task.Run(async () =>
        {
            using var body = new StringContent($$"""{"version":{{version}},"reason":"racer","expectedVersion":3}""", Encoding.UTF8, "application/json");
            barrier.SignalAndWait(TestContext.Current.CancellationToken);
            using var response = await client.PostAsync("/api/deployments/default/pin", body);
            return response.StatusCode;
        })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses.Order());
        Assert.Equal(before + 1, await Host.EventCount());
    }

    private static string Detail(JsonNode? problem) => problem!["detail"]!.GetValue<string>();
}
