namespace SelfLearn.Agents.Scheduling;

/// <summary>The cron expressions of SelfLearn's Wolverine recurring schedules, from a period in seconds.</summary>
public static class RecurringCron
{
    /// <summary>Six-field cron (seconds first): every <paramref name="seconds"/> s, when that divides a minute or is whole minutes dividing an hour.</summary>
    /// <param name="setting">The setting the period came from, named when it cannot be a schedule.</param>
    public static string Every(int seconds, string setting) => seconds switch
    {
        < 60 when seconds > 0 && 60 % seconds == 0 => $"*/{seconds} * * * * *",
        3600 => "0 0 * * * *",
        _ when seconds % 60 == 0 && seconds < 3600 && 60 % (seconds / 60) == 0 => $"0 */{seconds / 60} * * * *",
        _ => throw new InvalidOperationException(
            $"{setting} is {seconds} s: it must divide a minute (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 s), " +
            "be whole minutes dividing an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60 min), or be 0 to turn the schedule off."),
    };
}
