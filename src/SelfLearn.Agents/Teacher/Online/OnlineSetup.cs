using Microsoft.Extensions.DependencyInjection;

namespace SelfLearn.Agents.Teacher.Online;

public static class OnlineSetup
{
    /// <summary>The online windows' judging pass (run by <see cref="OnlineJudgingSchedule"/>) and the tables' set-up at start; needs the configured <c>IAnswerJudge</c>.</summary>
    public static IServiceCollection AddOnlineWindows(this IServiceCollection services) =>
        services.AddSingleton<JudgeOnlineSample>().AddHostedService<OnlineTablesOnStart>();
}
