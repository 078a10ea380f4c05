using Microsoft.Extensions.DependencyInjection;

namespace SelfLearn.Agents.Teacher.Online;

public static class OnlineSetup
{
    /// <summary>The online windows' judging pass and the background service that sets the fold up at start; needs the configured <c>IAnswerJudge</c>.</summary>
    public static IServiceCollection AddOnlineWindows(this IServiceCollection services) =>
        services.AddSingleton<JudgeOnlineSample>().AddHostedService<OnlineJudging>();
}
