using System.Text.RegularExpressions;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator.Library;

public sealed partial class ScenarioLibraryDeterminismTests
{
    [Fact]
    public async Task The_same_seed_gives_byte_identical_json()
    {
        var first = await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7);
        var second = await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7);

        Assert.Equal(ScenarioJson.SerializeToUtf8(first.Set), ScenarioJson.SerializeToUtf8(second.Set));
    }

    [Fact]
    public async Task Another_seed_gives_other_scenarios()
    {
        var seven = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7)).Set;
        var eight = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 8)).Set;

        Assert.NotEqual(ScenarioJson.Serialize(seven), ScenarioJson.Serialize(eight));
        var sameTurns = seven.Scenarios.Zip(eight.Scenarios).Count(p => p.First.Turns().First(t => t.Reveals.Count > 0).Text == p.Second.Turns().First(t => t.Reveals.Count > 0).Text);
        Assert.True(sameTurns < seven.Scenarios.Count / 2, $"{sameTurns} scenarios open with the same reveal under both seeds.");
    }

    [Fact]
    public void Briefs_are_deterministic_and_rotate_every_persona_through_every_project()
    {
        var briefs = ScenarioLibrary.Briefs(42, 36);

        Assert.Equal(briefs, ScenarioLibrary.Briefs(42, 36));
        Assert.All(briefs, b => Assert.Matches(ScenarioId(), b.ScenarioId));
        Assert.Equal("s01-travel-planner-ana", briefs[0].ScenarioId);
        Assert.Equal(36, briefs.Select(b => (b.Persona.Id, b.Project)).Distinct().Count());
        Assert.All(briefs, b => Assert.InRange(b.Start.Year, 2025, 2026));
        Assert.Equal(36, briefs.Select(b => b.Seed).Distinct().Count());
        Assert.NotEqual(briefs.Select(b => b.Seed), ScenarioLibrary.Briefs(43, 36).Select(b => b.Seed));
    }

    [Fact]
    public void Derived_seeds_are_fixed_numbers_not_process_dependent_hashes() =>
        Assert.Equal((366367759, false), (StableSeed.Derive(42, 3), StableSeed.Derive(42, 3) == StableSeed.Derive(42, 4)));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex ScenarioId();
}
