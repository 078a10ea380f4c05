using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Agents.Teacher.Search.Recording;

namespace SelfLearn.Api.Hosting;

/// <summary>The Teacher's services: metric tables and aggregates, prices, the configured judge, the hypothesis proposer, the search journal.</summary>
public static class TeacherSetup
{
    public static void AddTeacher(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PriceOptions>().BindConfiguration(PriceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OnlineOptions>().BindConfiguration(OnlineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTeacherMetrics();
        builder.AddJudges();
        builder.AddTeacherProposals();
        builder.Services.AddTeacherEvaluation();
        builder.Services.AddSearchRecording();
        builder.Services.AddOnlineWindows();
    }
}
