using SelfLearn.Agents.Manager.Goals;
using SelfLearn.Agents.Student.Generation;

namespace SelfLearn.Api.Manager.Goals;

public static class GoalsSetup
{
    /// <summary>Built when the first goal is stated, so a bad Manager:* setting fails that request, not the app.</summary>
    public static void AddManagerGoals(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(_ => GoalFormaliserSetup.Create(builder.Configuration, section => ChatClientSetup.Create(builder.Configuration, section)));
}
