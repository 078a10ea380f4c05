using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library;

/// <summary>
/// The built-in scenario set (docs/SCENARIOS.md): every persona meets every project, each scenario on its own seed
/// and start date derived from the library's seed.
/// </summary>
public static partial class ScenarioLibrary
{
    public const string SetName = "builtin";

    public static IReadOnlyList<Persona> Personas { get; } =
    [
        new("ana", "Ana", "terse", "low", "low", "Busy product manager; short messages, expects to be remembered."),
        new("ben", "Ben", "chatty", "high", "high", "Retired teacher; long friendly messages full of asides."),
        new("mei", "Mei", "formal", "medium", "high", "Lawyer; polite, precise, structured."),
        new("dario", "Dario", "casual", "medium", "low", "Student; relaxed slang, gets annoyed when he has to repeat himself."),
        new("eva", "Eva", "anxious", "high", "medium", "Nurse on shifts; worries about forgetting, over-explains."),
        new("farid", "Farid", "direct", "low", "medium", "Engineer; to the point, no small talk unless prompted."),
    ];

    public static IReadOnlyList<string> Projects => TemplateScenarioAuthor.Projects;

    private static readonly DateTimeOffset FirstStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Start dates stay within 2025–2026 with room for the sessions and the questions after them.</summary>
    private const int StartDays = 600;

    /// <summary>
    /// Brief i takes project i mod P and persona (i + i / P) mod N: with as many personas as projects, the first P·N
    /// briefs pair every persona with every project once.
    /// </summary>
    public static IReadOnlyList<ScenarioBrief> Briefs(int seed, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ScenarioValidator.MaxScenarios);
        var briefs = new List<ScenarioBrief>(count);
        for (var i = 0; i < count; i++)
        {
            var project = Projects[i % Projects.Count];
            var persona = Personas[(i + i / Projects.Count) % Personas.Count];
            var briefSeed = StableSeed.Derive(seed, i);
            var start = FirstStart.AddDays(StableSeed.Derive(briefSeed, 0) % StartDays);
            briefs.Add(new ScenarioBrief($"s{i + 1:00}-{project}-{persona.Id}", persona, project, start, briefSeed, i));
        }
        return briefs;
    }
}
