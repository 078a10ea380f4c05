using SelfLearn.Agents.Teacher.Metrics;

namespace SelfLearn.Api.Hosting;

public static class TeacherSetup
{
    public static void AddTeacher(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PriceOptions>().BindConfiguration(PriceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTeacherMetrics();
    }
}
