using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library.Templates;
using SelfLearn.Agents.Emulator.Library.Writing;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library;

/// <summary>
/// The offline author: writes a scenario from the project's templates, every choice drawn from a
/// <see cref="Random"/> seeded with the brief's seed, so the same brief always gives the same scenario.
/// </summary>
public sealed class TemplateScenarioAuthor : IScenarioAuthor
{
    public const string Name = "template-v1";

    public string Generator => Name;

    public static IReadOnlyList<string> Projects { get; } = ProjectCatalog.All.Select(p => p.Name).ToList();

    public Task<Scenario> WriteAsync(ScenarioBrief brief, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var content = ProjectCatalog.Find(brief.Project)
            ?? throw new ScenarioRejectedException(brief.ScenarioId, new("$.project", $"{Name} has no templates for project '{brief.Project}'."));
        return Task.FromResult(Write(brief, content));
    }

    private static Scenario Write(ScenarioBrief brief, ProjectContent content)
    {
        var rng = new Random(brief.Seed);
        var voice = PersonaVoice.For(brief.Persona);
        var cast = content.Cast.ToDictionary(role => role.Placeholder, role => rng.Pick(role.Names), StringComparer.Ordinal);
        var intent = TemplateText.Sentence(rng.Pick(content.Intents), cast);
        var dates = SessionCalendar.Dates(brief.Start, rng.Next(3, 7), rng);
        var story = new StoryPlanner(content, cast, dates, voice, rng).Plan();
        var (sessions, facts) = new SessionWriter(brief.Persona.Name, voice, content.Chatter, rng).Write(story.Tellings, dates);
        var questions = QuestionWriter.Write(story.Drafts, sessions, brief.Persona.Patience, voice, rng);
        return new Scenario(brief.ScenarioId, brief.Project, brief.Persona.Id, intent, facts, sessions, questions);
    }
}
