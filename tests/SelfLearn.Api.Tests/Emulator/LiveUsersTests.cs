using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Agents.Student.Memories;
using Marten;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Emulator;

/// <summary>The emulator as live users against the reference MaaS: paced, untagged traffic, the users' ratings, and the command.</summary>
public sealed class LiveUsersTests(AppFixture fixture) : ApiTest(fixture)
{
    private static bool RatedInTest(int seed, long index, double share) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{index}"))) / Math.Pow(2, 64) < share;

    [Fact]
    public async Task Live_users_send_rate_times_duration_queries_as_untagged_online_traffic_and_rate_the_seeded_share()
    {
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7, 2, ct: TestContext.Current.CancellationToken)).Set;
        var plan = LivePlan.Build(set, new LiveSettings("t1", "default", 11));
        var (maas, recorder) = RecordingMaas.Over(Host);

        var result = await new LiveUsers(maas).RunAsync(plan, new LiveLoad(20, TimeSpan.FromSeconds(1), 4, 0.5), null, TestContext.Current.CancellationToken);

        Assert.False(result.Stopped);
        Assert.Empty(result.Errors);
        Assert.Equal(20, result.Sent);
        Assert.Equal(20, result.Answered);
        Assert.Equal(new Dictionary<string, long> { ["version 1"] = 20 }, result.ServedBy);
        Assert.Equal(20L, await Host.Sql<long>(
            "select count(*) from selflearn.pipeline_runs where user_id like 'live.t1.%' and cycle_type = 'online' " +
            "and experiment_id is null and variant is null and simulation_id is null and config_version = 1"));
        Assert.Equal(plan.Ingests.Count, recorder.Sent.Count(r => r.Path.EndsWith("/memories", StringComparison.Ordinal)));
        var rated = Enumerable.Range(0, 20).Count(k => RatedInTest(11, k, 0.5));
        Assert.Equal(rated, result.RatedUp + result.RatedDown);
        Assert.Equal((long)rated, await Host.Sql<long>(
            "select count(*) from selflearn.run_feedback where user_id like 'live.t1.%' and tags = array['emulated']"));
        Assert.Equal(result.RatedDown, await Host.Sql<long>("select count(*) from selflearn.run_feedback where user_id like 'live.t1.%' and thumbs = 'down'"));
    }

    [Fact]
    public async Task Stopping_sends_nothing_new_and_every_sent_query_is_answered()
    {
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7, 2, ct: TestContext.Current.CancellationToken)).Set;
        var plan = LivePlan.Build(set, new LiveSettings("t2", "default", 11));
        var (maas, _) = RecordingMaas.Over(Host);
        using var stop = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Answered >= 5) stop.Cancel(); });

        var result = await new LiveUsers(maas).RunAsync(plan, new LiveLoad(50, TimeSpan.FromSeconds(60), 2, 0), progress, stop.Token);

        Assert.True(result.Stopped);
        Assert.InRange(result.Sent, 5, 10);
        Assert.Equal(result.Sent, result.Answered);
        Assert.Equal(result.Sent, await Host.Sql<long>("select count(*) from selflearn.pipeline_runs where user_id like 'live.t2.%'"));
    }

    [Fact]
    public async Task The_command_plays_live_users_writes_its_summary_and_forgets_the_users()
    {
        var (maas, _) = RecordingMaas.Over(Host);
        var output = Path.Combine(Path.GetTempPath(), $"selflearn-{Guid.NewGuid():N}-live.json");

        var exit = await new SimulateCommand(Host.Services, maas).RunAsync(new CommandArguments(
            ["--cycle-type", "online", "--count", "2", "--seed", "7", "--rate", "10", "--duration", "1s", "--feedback", "1", "--out", output]),
            TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))!;
        Assert.Equal(10, summary["sent"]!.GetValue<long>());
        Assert.Equal(10, summary["ratedUp"]!.GetValue<long>() + summary["ratedDown"]!.GetValue<long>());
        Assert.Equal(10L, await Host.Sql<long>("select count(*) from selflearn.run_feedback where user_id like 'live.%'"));
        await using var session = Fixture.Store.QuerySession();
        Assert.Equal(0, await session.Query<MemoryDocument>().CountAsync(m => m.UserId.StartsWith("live."), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("--cycle-type", "weekly", "--cycle-type is offline")]
    [InlineData("--experiment", "exp-1", "--experiment belongs to an offline simulation")]
    [InlineData("--rate", "0", "--rate is queries per second")]
    [InlineData("--duration", "25h", "--duration is how long")]
    [InlineData("--duration", "5x", "--duration is how long")]
    [InlineData("--feedback", "1.5", "--feedback is the share")]
    [InlineData("--concurrency", "0", "--concurrency takes a whole number of at least 1")]
    public async Task Bad_flags_are_refused_before_anything_is_sent(string flag, string value, string message)
    {
        var (maas, recorder) = RecordingMaas.Over(Host);
        string[] args = flag == "--cycle-type" ? [flag, value] : ["--cycle-type", "online", flag, value];

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new SimulateCommand(Host.Services, maas).RunAsync(new CommandArguments(args), TestContext.Current.CancellationToken));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Sent);
    }

    private sealed class SyncProgress(Action<LiveProgress> report) : IProgress<LiveProgress>
    {
        public void Report(LiveProgress value) => report(value);
    }
}
