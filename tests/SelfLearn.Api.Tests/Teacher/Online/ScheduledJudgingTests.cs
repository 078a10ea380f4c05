using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using Npgsql;
using static SelfLearn.Api.Tests.Teacher.Online.LiveRuns;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>An app whose judging schedule runs every second and samples every answered live run.</summary>
public sealed class ScheduledJudgingApp() : IsolatedApp(new Dictionary<string, string>
{
    ["Online:JudgeIntervalSeconds"] = "1",
    ["Online:JudgeSampleRate"] = "1",
});

public sealed class ScheduledJudgingTests(ScheduledJudgingApp app) : IClassFixture<ScheduledJudgingApp>
{
    [Fact]
    public async Task The_schedule_grades_and_folds_every_sampled_live_run_without_being_asked()
    {
        var host = app.Host;
        var runs = Enumerable.Range(0, 12).Select(i => Run(i)).ToList();
        var answered = runs.Where(r => r.Answer is not null).Select(r => r.RunId).Order().ToList();

        await host.StoreAsync(runs);

        Assert.Equal(answered, await JudgedAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), answered.Count, TimeSpan.FromMinutes(2)));
        await host.AssertWindowsEqualRecomputationAsync();
    }

    /// <summary>Polls until <paramref name="count"/> sampled runs are marked judged; gives up (failing) after <paramref name="limit"/>.</summary>
    private static Task<List<Guid>> JudgedAsync(NpgsqlDataSource database, int count, TimeSpan limit) =>
        Polling.UntilAsync(async ct =>
        {
            var judged = new List<Guid>();
            await using var command = database.CreateCommand("SELECT run_id FROM selflearn.online_judge_sample WHERE judged_at IS NOT NULL ORDER BY run_id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                judged.Add(reader.GetGuid(0));
            return judged.Count >= count ? judged : null;
        }, limit);
}
