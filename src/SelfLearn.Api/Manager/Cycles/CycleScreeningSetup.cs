using SelfLearn.Agents.Manager.Cycles.Screening;

namespace SelfLearn.Api.Manager.Cycles;

public static class CycleScreeningSetup
{
    public static void AddCycleScreening(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CycleScreeningOptions>().BindConfiguration(CycleScreeningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ScreenCycleCandidates>();
    }
}
