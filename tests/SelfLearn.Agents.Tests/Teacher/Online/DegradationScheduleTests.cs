using SelfLearn.Agents.Teacher.Online;
using Wolverine;

namespace SelfLearn.Agents.Tests.Teacher.Online;

public sealed class DegradationScheduleTests
{
    [Theory]
    [InlineData(1, "*/1 * * * * *", 1)]
    [InlineData(15, "*/15 * * * * *", 15)]
    [InlineData(60, "0 */1 * * * *", 60)]
    [InlineData(600, "0 */10 * * * *", 600)]
    [InlineData(3600, "0 0 * * * *", 3600)]
    public void Every_allowed_period_is_a_cron_expression_firing_that_often(int seconds, string cron, int gap)
    {
        Assert.Equal(cron, DegradationSchedule.Cron(seconds));
        var schedule = new CronSchedule(cron, TimeZoneInfo.Utc);
        var first = schedule.NextOccurrence(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))!.Value;
        Assert.Equal(TimeSpan.FromSeconds(gap), schedule.NextOccurrence(first)!.Value - first);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(90)]
    [InlineData(420)]
    public void A_period_that_does_not_divide_a_minute_or_an_hour_stops_the_start_with_the_setting_named(int seconds) =>
        Assert.Contains("Online:EvaluateSeconds is", Assert.Throws<InvalidOperationException>(() => DegradationSchedule.Cron(seconds)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_judging_schedule_names_its_own_setting_when_its_period_cannot_be_a_schedule() =>
        Assert.Contains("Online:JudgeIntervalSeconds is 7", Assert.Throws<InvalidOperationException>(
            () => DegradationSchedule.Cron(7, nameof(OnlineOptions.JudgeIntervalSeconds))).Message, StringComparison.Ordinal);
}
