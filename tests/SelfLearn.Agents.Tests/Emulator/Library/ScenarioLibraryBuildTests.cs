using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Tests.Embeddings;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator.Library;

public sealed class ScenarioLibraryBuildTests
{
    private const string Flawed = "s02-fitness-coach-ben";

    [Fact]
    public async Task An_invalid_scenario_is_counted_and_asked_for_again_with_another_seed()
    {
        var author = new FlawedOnceAuthor(Flawed);

        var build = await ScenarioLibrary.BuildAsync(author, 42, count: 6);

        Assert.Equal(1, build.Rejected);
        Assert.Empty(build.Skipped);
        Assert.Contains(build.Set.Scenarios, s => s.Id == Flawed);
        Assert.Equal(6, build.Set.Scenarios.Count);
        var error = Assert.Single(build.Errors);
        Assert.Contains("s9:t99", error.Message, StringComparison.Ordinal);
        Assert.Contains(Flawed, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, author.Seeds.Distinct().Count());
        Assert.Null(ScenarioValidator.Validate(build.Set));
    }

    [Fact]
    public async Task A_brief_that_fails_every_attempt_is_skipped_and_reported()
    {
        var author = new RejectingAuthor(Flawed);

        var build = await ScenarioLibrary.BuildAsync(author, 42, count: 6, maxAttempts: 3);

        Assert.Equal(3, author.Attempts);
        Assert.Equal(3, build.Rejected);
        Assert.Equal([Flawed], build.Skipped);
        Assert.Equal(3, build.Errors.Count);
        Assert.DoesNotContain(build.Set.Scenarios, s => s.Id == Flawed);
        Assert.Equal(5, build.Set.Scenarios.Count);
        Assert.Null(ScenarioValidator.Validate(build.Set));
    }

    [Fact]
    public async Task Progress_counts_the_briefs_done_and_the_set_lists_only_the_personas_used()
    {
        var reports = new List<int>();

        var build = await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 42, count: 3, progress: new SynchronousProgress(reports.Add));

        Assert.Equal([1, 2, 3], reports);
        Assert.Equal(build.Set.Scenarios.Select(s => s.PersonaId).Distinct().Order(), build.Set.Personas.Select(p => p.Id).Order());
        Assert.True(build.Set.Personas.Count < ScenarioLibrary.Personas.Count);
    }

    [Fact]
    public async Task A_project_without_templates_is_rejected_by_the_template_author()
    {
        var brief = ScenarioLibrary.Briefs(42, 1)[0] with { Project = "knitting-club" };

        var rejected = await Assert.ThrowsAsync<ScenarioRejectedException>(
            () => new TemplateScenarioAuthor().WriteAsync(brief, CancellationToken.None));

        Assert.Equal("$.project", rejected.Error.Path);
    }
}
