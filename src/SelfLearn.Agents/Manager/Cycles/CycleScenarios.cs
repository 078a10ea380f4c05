using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// What a cycle's experiments play: the built-in library (template author, a fixed seed), as many scenarios as the
/// plan gives each experiment. The same count gives byte-identical scenarios, so the dataset version is reused.
/// </summary>
public static class CycleScenarios
{
    public const string Name = "manager-cycles";
    public const int Seed = 7;

    public static string Source(int count) => $"library template-v1 seed {Seed} count {count}";

    public static async Task<ScenarioSet> BuildAsync(int count, CancellationToken ct) =>
        (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), Seed, count, ct: ct)).Set with { Name = Name };
}
