using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Teacher.Hypotheses;

namespace SelfLearn.Api.Hosting;

public static class TeacherProposalsSetup
{
    /// <summary>Built when the Teacher first proposes, so a bad Teacher:* setting fails that step, not the app.</summary>
    public static void AddTeacherProposals(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(_ => TeacherProposerSetup.Create(builder.Configuration, section => ChatClientSetup.Create(builder.Configuration, section)));
}
