using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator.Library;

/// <summary>The seed-42 library, built once for the tests that only read it.</summary>
internal static class BuiltinLibrary
{
    public const int Seed = 42;

    private static readonly Lazy<Task<LibraryBuild>> Build = new(() => ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), Seed));

    public static async Task<LibraryBuild> Seed42() => await Build.Value;

    public static async Task<ScenarioSet> Set() => (await Build.Value).Set;

    public static IEnumerable<ScenarioTurn> Turns(this Scenario scenario) => scenario.Sessions.SelectMany(s => s.Turns);

    public static ScenarioTurn Turn(this Scenario scenario, string id) => scenario.Turns().Single(t => t.Id == id);
}
