using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;

namespace SelfLearn.Api.Hosting;

public static class EmulatorSetup
{
    /// <summary>The scenario author is built when a simulation first needs it, so a bad Emulator:* setting fails that command, not the app.</summary>
    public static void AddUserEmulator(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(_ => EmulatorAuthorSetup.Create(builder.Configuration, () => new TemplateScenarioAuthor()));
}
