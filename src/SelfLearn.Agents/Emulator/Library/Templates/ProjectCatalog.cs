using SelfLearn.Agents.Emulator.Library.Projects;

namespace SelfLearn.Agents.Emulator.Library.Templates;

internal static class ProjectCatalog
{
    public static IReadOnlyList<ProjectContent> All { get; } =
    [
        TravelPlanner.Content, FitnessCoach.Content, HomeRenovation.Content, TeamAssistant.Content, RecipeHelper.Content, StudyBuddy.Content,
    ];

    public static ProjectContent? Find(string project) => All.FirstOrDefault(p => p.Name == project);
}
