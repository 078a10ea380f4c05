using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Experiments;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Api.Hosting;

public static class EmulatorSetup
{
    public static void AddUserEmulator(this WebApplicationBuilder builder)
    {
        // The scenario author is built when a simulation first needs it, so a bad Emulator:* setting fails that command, not the app.
        builder.Services.AddSingleton(_ => EmulatorAuthorSetup.Create(builder.Configuration, () => new TemplateScenarioAuthor(),
            section => ChatClientSetup.Create(builder.Configuration, section)));

        builder.Services.AddExperimentWorkflows();

        // Every start (commands start the app too) cleans up after a simulate that was killed mid-run.
        builder.Services.AddSingleton(sp => ForgetInTheMaasPlayed(sp, builder.Configuration));
        builder.Services.AddSingleton<AbandonedSimulations>();
        builder.Services.AddHostedService<AbandonSimulationsOnStart>();
    }

    /// <summary>
    /// Simulations play against Maas:BaseUrl when set, else against this app's own Student; the latter is reached in
    /// process, because at start-up this app does not listen yet.
    /// </summary>
    private static ForgetSimulatedUser ForgetInTheMaasPlayed(IServiceProvider services, IConfiguration configuration) =>
        configuration["Maas:BaseUrl"] is null
            ? services.GetRequiredService<ForgetUser>().HandleAsync
            : (user, deployment, ct) => services.GetRequiredService<IMaasClient>().ForgetUserAsync(user, deployment, ct);
}
