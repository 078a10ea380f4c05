using System.Globalization;
using System.Text.Json;
using Marten;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Api.Tests.TimeTravel;

public sealed class TimeTravelTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_as_of_projection_agrees_with_Marten_replay_over_more_than_50_versions()
    {
        for (var i = 0; i < 55; i++)
        {
            await Host.CreateAndActivate(i % 2 == 0 ? "retrieval.top_k" : "retrieval.keyword_count", 1 + i % 19);
            if (i % 10 == 9)
                await Host.Post("/api/deployments/default/rollback", new { reason = $"rollback {i}" }, 200);
        }

        await using var session = Fixture.Store.QuerySession();
        var stamps = (await session.Events.FetchStreamAsync("default", token: TestContext.Current.CancellationToken)).Select(e => e.Timestamp).ToList();
        Assert.True(stamps.Count > 110);
        var instants = stamps
            .Concat(stamps.Zip(stamps.Skip(1), (a, b) => a + (b - a) / 2))
            .Append(stamps[^1].AddMinutes(5))
            .ToList();

        foreach (var instant in instants)
        {
            var replayed = await session.Events.AggregateStreamAsync<Deployment>("default", timestamp: instant, token: TestContext.Current.CancellationToken);
            var served = await Host.Get(
                $"/api/deployments/default/config?asOf={Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture))}", key: Keys.Service);
            Assert.NotNull(replayed);
            Assert.Equal(replayed.ActiveVersion, served!["configVersion"]!.GetValue<int>());
            Assert.Equal(Canonical(replayed.ActiveParameters), Canonical(served["parameters"]!.Deserialize<Dictionary<string, JsonElement>>()!));
        }
    }

    [Fact]
    public async Task Validity_intervals_tile_the_history_without_gaps()
    {
        for (var i = 0; i < 5; i++)
            await Host.CreateAndActivate("retrieval.top_k", 10 + i);
        var periods = (await Host.Get("/api/deployments/default/activations"))!.AsArray().Reverse().ToList();
        Assert.Equal(6, periods.Count);
        for (var i = 0; i < periods.Count - 1; i++)
            Assert.Equal(periods[i + 1]!["validFrom"]!.GetValue<DateTimeOffset>(), periods[i]!["validTo"]!.GetValue<DateTimeOffset>());
        Assert.Null(periods[^1]!["validTo"]);
    }

    private static string Canonical(IReadOnlyDictionary<string, JsonElement> parameters) =>
        string.Join(";", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.GetRawText()}"));
}
